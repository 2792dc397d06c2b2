//! The panic hook: a widget that panics says so on the page instead of freezing.
//!
//! Where a panic runs hooks (debug builds, the browser tests), the hook logs the panic,
//! marks the root element with `data-sh-panic` (for hosts and tests) and adds an
//! `.sh-error` message built from text nodes. The release wasm aborts at the panic
//! itself, before any hook: there `selfhelp.js` reports the trap the same way.

use web_sys::Element;

#[cfg(not(panic = "immediate-abort"))]
thread_local! {
    /// The elements widgets were mounted on. Panic hooks must be `Send`, which an
    /// `Element` is not; wasm has one thread, so a thread-local holds them. A panic
    /// stops every widget of the page (they share one instance), so each says so.
    static ROOTS: std::cell::RefCell<Vec<Element>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// What the person reads when the widget has stopped.
pub const PANIC_MESSAGE: &str =
    "Something went wrong and this help stopped working. Reload the page to start again.";

/// Installs the hook for the widget mounted on `root`. Where panics abort at once (the
/// release wasm: `xtask/src/dist.rs`), no hook would ever run: `selfhelp.js` reports the
/// trap on every widget instead, so the hook and its formatting are left out.
#[cfg(not(panic = "immediate-abort"))]
pub fn install(root: &Element) {
    ROOTS.with(|roots| {
        if let Ok(mut roots) = roots.try_borrow_mut() {
            // Roots of widgets that went away are dropped on the way.
            roots.retain(|r| r.is_connected() && r != root);
            roots.push(root.clone());
        }
    });
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let message = info.to_string();
        ROOTS.with(|roots| {
            if let Ok(roots) = roots.try_borrow() {
                for root in roots.iter() {
                    report_panic(root, &message);
                }
            }
        });
    }));
}

#[cfg(panic = "immediate-abort")]
pub fn install(_root: &Element) {}

/// Marks `root` with the panic message and shows [`PANIC_MESSAGE`] in it, once.
pub fn report_panic(root: &Element, message: &str) {
    // The attribute is for machines; a bounded length keeps a huge message out of it.
    let short: String = message.chars().take(500).collect();
    let _ = root.set_attribute("data-sh-panic", &short);
    if root.query_selector(".sh-panic").ok().flatten().is_some() {
        return;
    }
    let Some(document) = root.owner_document() else {
        return;
    };
    let build = || -> Option<Element> {
        let alert = document.create_element("div").ok()?;
        alert.set_class_name("sh-error sh-panic");
        alert.set_attribute("role", "alert").ok()?;
        let text = document.create_element("p").ok()?;
        text.set_text_content(Some(PANIC_MESSAGE));
        alert.append_child(&text).ok()?;
        Some(alert)
    };
    if let Some(alert) = build() {
        // First, so it shows above whatever state the page was left in.
        let _ = root.insert_before(&alert, root.first_child().as_ref());
    }
}
