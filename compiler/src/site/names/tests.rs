//! Names from keys: splitting, spelling, and the library's words for what a product's titles miss.

use super::*;

/// A name from these titles alone: a library that knows no more words than they do.
fn name(key: &str, titles: &[&str]) -> String {
    Vocabulary::from_titles(titles.iter().copied()).name_within(key, &Vocabulary::default())
}

#[test]
fn keys_are_split_into_the_words_their_titles_use() {
    assert_eq!(
        name(
            "microsoft.dbforpostgresql",
            &[
                "Azure Database for PostgreSQL connectivity",
                "PostgreSQL server"
            ]
        ),
        "DB for PostgreSQL"
    );
    assert_eq!(
        name(
            "microsoft.recoveryservices",
            &["Recovery Services vault backup fails"]
        ),
        "Recovery Services"
    );
    assert_eq!(
        name(
            "virtualnetworkgateways",
            &["Virtual network gateways and VPN"]
        ),
        "Virtual Network Gateways"
    );
    assert_eq!(name("microsoft.aad", &["Sign-in problems"]), "AAD");
    assert_eq!(name("Microsoft.Network", &[]), "Network");
    assert_eq!(
        name("problemscopingques.storage", &["Storage account"]),
        "Problemscopingques Storage"
    );
}

#[test]
fn odd_keys_still_get_a_name() {
    assert_eq!(name("microsoft.", &[]), "Microsoft");
    assert_eq!(name("", &[]), "");
    assert_eq!(name("sqlVirtualMachine", &[]), "SQL Virtual Machine");
    assert_eq!(name("ünïcode-thing", &["Ünïcode"]), "Ünïcode Thing");
}

#[test]
fn a_known_word_with_an_ending_keeps_its_spelling() {
    let titles = ["Azure LoadBalancer probes", "IoT SDK", "Call the API"];
    assert_eq!(name("loadbalancers", &titles), "LoadBalancers");
    assert_eq!(name("iotsdks", &titles), "IoT SDKs");
    assert_eq!(name("apis", &titles), "APIs");
}

#[test]
fn chance_words_and_endings_do_not_split_a_key() {
    let titles = [
        "It is on the list",
        "Manage the service",
        "Or not",
        "Power BI",
    ];
    assert_eq!(name("powerbidedicated", &titles), "Power BI Dedicated");
    assert_eq!(name("ise", &titles), "ISE");
    assert_eq!(name("authorization", &titles), "Authorization");
    assert_eq!(name("managedservices", &titles), "Managed Services");
    assert_eq!(
        name("subscriptionmanagement", &titles),
        "Subscription Management"
    );
    assert_eq!(
        name("hanaonazure", &["HANA on Azure", "Azure VMs"]),
        "HANA on Azure"
    );
}

#[test]
fn the_library_splits_a_run_its_own_titles_do_not() {
    let library = Vocabulary::from_titles([
        "Machine learning services quota",
        "HANA on Azure VMs",
        "Azure App Service platform",
        "Azure DB for MySQL",
        "Power BI dedicated capacity",
        "Health check of a CA",
        "RE: the server",
    ]);
    let within = |key: &str, titles: &[&str]| {
        Vocabulary::from_titles(titles.iter().copied()).name_within(key, &library)
    };
    assert_eq!(
        within("machinelearningservices", &["Quota increase"]),
        "Machine Learning Services"
    );
    // The whole key where a run alone does not split; small words only between two.
    assert_eq!(within("hanaonazure", &["Azure VMs"]), "HANA on Azure");
    assert_eq!(within("appplatform", &["Fill in the form"]), "App Platform");
    assert_eq!(within("dbformysql", &[]), "DB for MySQL");
    // The product's own words stay: only the run is split with the library's.
    assert_eq!(
        within("powerbidedicated", &["Power BI capacity"]),
        "Power BI Dedicated"
    );
    // A split through two short words reads worse than none.
    assert_eq!(within("healthcare", &[]), "Healthcare");
    assert_eq!(within("orcas", &[]), "Orcas");
}
