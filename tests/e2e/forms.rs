//! End-to-end: the seed tree hands off to the password hash sync scoping form, which
//! is filled in with a condition toggled both ways and a validation error fixed, then
//! submitted to a summary and a `selfhelp:submit` event.

use serde_json::json;

use crate::browser::{Browser, WIDGET};
use crate::{open_seed, session, SPECIFIC_USER};

const FORM_ID: &str = "bd72db7f-be55-4ff1-bdc8-4e92f47d0c7c";
const FORM_TITLE: &str = "Password hash sync: tell support about the problem";
const UPN_MESSAGE: &str =
    "Enter the user principal name like an email address, for example name@contoso.com.";

async fn field_ids(browser: &Browser) -> Vec<String> {
    let ids = browser
        .script(&format!(
            "{WIDGET} return [...W.querySelectorAll('.sh-form .sh-field')]\
                 .map(f => f.getAttribute('data-field-id'));"
        ))
        .await;
    serde_json::from_value(ids).unwrap_or_default()
}

#[tokio::test]
async fn not_solved_leads_to_the_form_whose_summary_goes_to_support() {
    let Some((site, browser)) = session().await else {
        return;
    };
    open_seed(&browser, &site).await;
    browser.click_button(SPECIFIC_USER).await;
    browser.click_button("This is it").await;
    browser.click_button("No, it's not solved").await;
    browser
        .expect_text(".sh-question", "Still not solved?")
        .await;
    // The email contact stays next to the form.
    browser.find(".sh-contact-link").await;
    browser
        .expect_text(".sh-scoping-link", "Describe your problem to support")
        .await;
    browser.click_css(".sh-scoping-link").await;
    browser.expect_text("h1", FORM_TITLE).await;
    assert_eq!(browser.current_hash().await, format!("#/article/{FORM_ID}"));
    browser.find(".sh-form").await;
    let initial = [
        "affected_users",
        "problem_start",
        "error_seen",
        "sync_cycle_status",
        "aadc_version",
        "staging_mode",
        "steps_tried",
        "before_you_submit",
        "problem_description",
    ];
    assert_eq!(field_ids(&browser).await, initial);

    // "One user" asks for the UPN; "Some users" swaps it for a count; back again.
    browser
        .click_css("label[for=sh-field-affected_users-2]")
        .await;
    browser.find("#sh-field-user_upn").await;
    browser
        .click_css("label[for=sh-field-affected_users-1]")
        .await;
    browser.find("#sh-field-affected_count").await;
    assert!(!field_ids(&browser).await.contains(&"user_upn".to_string()));
    browser
        .click_css("label[for=sh-field-affected_users-2]")
        .await;
    browser.find("#sh-field-user_upn").await;
    assert!(!field_ids(&browser)
        .await
        .contains(&"affected_count".to_string()));

    let upn = browser.find("#sh-field-user_upn").await;
    upn.send_keys("pat.contoso.com").await.unwrap();
    browser
        .set_value("#sh-field-problem_start", "2024-05-02T08:15")
        .await;
    let seen = browser.find("#sh-field-error_seen").await;
    seen.select_by_value("yes").await.unwrap();
    let error_text = browser.find("#sh-field-error_text").await;
    error_text
        .send_keys("Event 611: password sync failed")
        .await
        .unwrap();
    browser
        .expect_text("#sh-field-error_text-count", "31 / 500")
        .await;
    let status = browser.find("#sh-field-sync_cycle_status").await;
    status.select_by_value("__sh_other__").await.unwrap();
    let other = browser.find("#sh-field-sync_cycle_status-other").await;
    other.send_keys("Paused by the admin").await.unwrap();
    browser
        .click_css("label[for=sh-field-staging_mode-1]")
        .await;
    browser.click_css("label[for=sh-field-steps_tried]").await;
    browser.click_css("label[for=sh-field-steps_tried-2]").await;
    // The nested question needs both "some users" and an error: not shown for one.
    assert!(!field_ids(&browser)
        .await
        .contains(&"common_factor".to_string()));

    // Submit with the bad UPN: the error summary takes focus and links to the field.
    browser.click_button("Submit").await;
    browser
        .expect_text(".sh-error-summary h2", "There is a problem")
        .await;
    browser
        .expect_text(".sh-error-summary a", UPN_MESSAGE)
        .await;
    assert!(browser.focused().await.1.contains("sh-error-summary"));
    browser
        .expect_text("#sh-field-user_upn-error", &format!("Error: {UPN_MESSAGE}"))
        .await;
    assert_eq!(
        browser
            .find("#sh-field-user_upn")
            .await
            .attr("aria-invalid")
            .await
            .unwrap()
            .as_deref(),
        Some("true")
    );
    browser.screenshot("form.png").await;
    browser.click_css(".sh-error-summary a").await;
    assert_eq!(browser.focused().await.0, "sh-field-user_upn");
    browser.set_value("#sh-field-user_upn", "").await;
    browser
        .find("#sh-field-user_upn")
        .await
        .send_keys("pat@contoso.com")
        .await
        .unwrap();
    browser
        .wait_until(
            "the message to go",
            &format!("{WIDGET} return !W.querySelector('#sh-field-user_upn-error')"),
        )
        .await;

    browser
        .script(
            "window.__submitted = null; document.querySelector('selfhelp-widget')\
             .addEventListener('selfhelp:submit', e => { window.__submitted = e.detail; });",
        )
        .await;
    browser.click_button("Submit").await;
    browser
        .expect_text(".sh-summary-heading", "Your problem description")
        .await;
    assert_eq!(
        browser.current_hash().await,
        format!("#/article/{FORM_ID}/summary")
    );
    let summary = browser.text(".sh-summary").await.unwrap_or_default();
    for expected in [
        "Which users are affected?\nOne user",
        "User principal name of the affected user\npat@contoso.com",
        "Since when have passwords not synchronized?\n2024-05-02 08:15",
        "Yes, there is an error",
        "Event 611: password sync failed",
        "What state is the synchronization cycle in?\nPaused by the admin",
        "Azure AD Connect version\nNot answered",
        "Is the Azure AD Connect server in staging mode?\nNo",
        "Ran the password hash sync troubleshooting task, Triggered a full password synchronization",
    ] {
        assert!(summary.contains(expected), "{expected:?} not in {summary:?}");
    }
    assert!(!summary.contains("About how many users"), "{summary}");
    // The form's attachment hint comes with the answers handed to support.
    let hint = browser
        .text(".sh-attachment-hint")
        .await
        .unwrap_or_default();
    assert!(
        hint.starts_with("Files to attach: The Azure AD Connect trace log"),
        "{hint}"
    );

    let submitted = browser.script("return window.__submitted").await;
    assert_eq!(submitted["articleId"], json!(FORM_ID));
    assert_eq!(submitted["title"], json!(FORM_TITLE));
    let answers = submitted["answers"].as_array().cloned().unwrap_or_default();
    let ids: Vec<&str> = answers.iter().filter_map(|a| a["id"].as_str()).collect();
    assert_eq!(
        ids,
        [
            "affected_users",
            "user_upn",
            "problem_start",
            "error_seen",
            "error_text",
            "sync_cycle_status",
            "aadc_version",
            "staging_mode",
            "steps_tried",
            "problem_description",
        ]
    );
    assert_eq!(
        answers[0],
        json!({ "id": "affected_users", "label": "Which users are affected?",
                "value": "one", "text": "One user" })
    );
    assert_eq!(answers[1]["value"], json!("pat@contoso.com"));
    assert_eq!(answers[8]["value"], json!("troubleshooter, full_sync"));
    assert_eq!(answers[9]["text"], json!("Not answered"));
    let mail = browser
        .find(".sh-email")
        .await
        .attr("href")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(
        mail.starts_with("mailto:support@example.com?subject=Password%20hash%20sync%3A%20"),
        "{mail}"
    );
    browser.screenshot("summary.png").await;

    // Edit answers keeps them.
    browser.click_button("Edit answers").await;
    browser.find(".sh-form").await;
    let value = browser
        .script(&format!(
            "{WIDGET} return W.querySelector('#sh-field-user_upn').value"
        ))
        .await;
    assert_eq!(value, json!("pat@contoso.com"));
    browser.close().await;
}
