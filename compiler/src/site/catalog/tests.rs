//! Placing articles under products and groups.

use selfhelp_bundle::Kind;

use super::*;

fn article(id: &str, source: &str, service: &str, kind: Option<Kind>) -> Summary {
    Summary {
        id: id.to_string(),
        title: format!("Article {id}"),
        kind,
        service: service.to_string(),
        source: source.to_string(),
        ..Summary::default()
    }
}

fn tree(id: &str, source: &str, service: &str) -> Summary {
    article(id, source, service, Some(Kind::Troubleshooter))
}

fn products(plan: &Plan) -> Vec<(String, Vec<String>)> {
    plan.products
        .iter()
        .map(|p| {
            (
                p.name.clone(),
                p.groups
                    .iter()
                    .flat_map(|g| g.members.iter().map(|m| m.to_string()))
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn products_come_from_the_service_then_product_ids_then_the_folder() {
    let mut with_ids = tree("b", "x/b.md", "microsoft.storage");
    with_ids.product_ids = vec!["15207".into()];
    let mut by_id = tree("c", "forms/c.md", "");
    by_id.product_ids = vec!["15207".into()];
    let summaries = [
        tree("a", "storage/a.md", "microsoft.storage"),
        with_ids,
        by_id,
        tree("d", "problemscopingques.storage/d.md", ""),
        tree("e", "problemscopingques.sql/e.md", ""),
        tree("f", "problemscopingques.widgets/f.md", ""),
        tree("g", "g.md", ""),
        article("data", "data/x.md", "microsoft.storage", None),
    ];
    let plan = plan(&summaries.iter().collect::<Vec<_>>());
    assert_eq!(
        products(&plan),
        [
            ("General".to_string(), vec!["6".to_string()]),
            ("SQL".to_string(), vec!["4".to_string()]),
            (
                "Storage".to_string(),
                ["0", "1", "2", "3"].iter().map(|s| s.to_string()).collect()
            ),
            ("Widgets".to_string(), vec!["5".to_string()]),
        ]
    );
    // Data articles are published but not browsed.
    assert_eq!(plan.data, [7]);
    assert_eq!(plan.order().count(), summaries.len());
}

#[test]
fn a_folder_prefix_shared_by_many_folders_is_not_part_of_the_product() {
    let summaries: Vec<Summary> = ["storage", "sql", "widgets"]
        .iter()
        .enumerate()
        .map(|(n, name)| {
            tree(
                &n.to_string(),
                &format!("problemscopingques.{name}/a.md"),
                "",
            )
        })
        .collect();
    let names: Vec<String> = plan(&summaries.iter().collect::<Vec<_>>())
        .products
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["SQL", "Storage", "Widgets"]);
}

#[test]
fn large_products_are_grouped_by_resource_and_small_ones_are_not() {
    let mut summaries = Vec::new();
    for n in 0..40 {
        let mut s = tree(&format!("n{n:02}"), "net/a.md", "microsoft.network");
        s.resource = if n % 2 == 0 {
            "microsoft.network/vpngateways"
        } else {
            "applicationgateways"
        }
        .into();
        s.title = if n % 2 == 0 {
            "VPN gateways fail".into()
        } else {
            "Application gateways".into()
        };
        summaries.push(s);
    }
    summaries.push(tree("s", "small/a.md", "microsoft.small"));
    let plan = plan(&summaries.iter().collect::<Vec<_>>());
    let network = plan.products.iter().find(|p| p.name == "Network").unwrap();
    let groups: Vec<(&str, &str, usize)> = network
        .groups
        .iter()
        .map(|g| (g.key.as_str(), g.name.as_str(), g.members.len()))
        .collect();
    assert_eq!(
        groups,
        [
            ("applicationgateways", "Application Gateways", 20),
            ("vpngateways", "VPN Gateways", 20)
        ]
    );
    let small = plan.products.iter().find(|p| p.name == "Small").unwrap();
    assert_eq!(small.groups.len(), 1);
    assert_eq!(small.groups[0].key, "all");
}

#[test]
fn members_follow_display_order_then_title() {
    let mut a = tree("a", "p/a.md", "microsoft.p");
    a.title = "Zebra".into();
    let mut b = tree("b", "p/b.md", "microsoft.p");
    b.title = "Apple".into();
    let mut c = tree("c", "p/c.md", "microsoft.p");
    c.display_order = Some(1);
    let plan = plan(&[&a, &b, &c]);
    assert_eq!(plan.products[0].groups[0].members, [2, 1, 0]);
}

#[test]
fn keys_are_slugs_and_unique() {
    assert_eq!(
        slug("Microsoft.Network/VPN Gateways"),
        "microsoft.network-vpn-gateways"
    );
    assert_eq!(slug("***"), "general");
    let mut keys = vec!["a".to_string(), "a".to_string(), "a".to_string()];
    unique_keys(keys.iter_mut());
    assert_eq!(keys, ["a", "a-2", "a-3"]);
}
