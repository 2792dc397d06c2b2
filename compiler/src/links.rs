//! Link targets: classified into a `LinkKind`, or refused when the scheme can run code.

use selfhelp_bundle::LinkKind;

/// Schemes a browser would run or render inline; such links are never kept.
const UNSAFE_SCHEMES: [&str; 3] = ["javascript:", "data:", "vbscript:"];

/// Schemes of portal links that only a host page can follow.
const PORTAL_SCHEMES: [&str; 3] = ["data-blade:", "button-data-blade:", "button-data-context:"];

/// Characters of a target enough to tell its kind: the longest scheme above, and more.
const SCHEME_PREFIX: usize = 32;

/// Why a link target was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsafeLink {
    /// The offending scheme, lowercase, e.g. `javascript:`.
    pub scheme: &'static str,
}

/// Classifies a link target as the author wrote it (after markdown unescaping).
///
/// The scheme check ignores case and removes every whitespace and control character
/// first, as browsers do, so `Java\tScript:` is refused too.
pub fn classify(href: &str) -> Result<LinkKind, UnsafeLink> {
    // Only the scheme matters, so only the first few characters are looked at.
    let key: String = href
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .flat_map(char::to_lowercase)
        .take(SCHEME_PREFIX)
        .collect();
    if let Some(scheme) = UNSAFE_SCHEMES.iter().find(|s| key.starts_with(*s)) {
        return Err(UnsafeLink { scheme });
    }
    let kind = if key.starts_with("http://") || key.starts_with("https://") || key.starts_with("//")
    {
        LinkKind::Web
    } else if key.starts_with("mailto:") {
        LinkKind::Email
    } else if key.starts_with('#') {
        LinkKind::Anchor
    } else if PORTAL_SCHEMES.iter().any(|s| key.starts_with(s)) {
        LinkKind::Portal
    } else {
        LinkKind::Relative
    };
    Ok(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_every_kind() {
        assert_eq!(
            classify("https://docs.microsoft.com/a#b"),
            Ok(LinkKind::Web)
        );
        assert_eq!(classify("HTTP://example.com"), Ok(LinkKind::Web));
        assert_eq!(classify("//cdn.example.com/x"), Ok(LinkKind::Web));
        assert_eq!(classify("mailto:someone@example.com"), Ok(LinkKind::Email));
        assert_eq!(classify("#no-passwords"), Ok(LinkKind::Anchor));
        assert_eq!(
            classify("data-blade:Microsoft_Azure_Support.HelpAndSupportBlade"),
            Ok(LinkKind::Portal)
        );
        assert_eq!(classify("button-data-blade:X"), Ok(LinkKind::Portal));
        assert_eq!(classify("Button-Data-Context:Y"), Ok(LinkKind::Portal));
        assert_eq!(classify("media/picture.png"), Ok(LinkKind::Relative));
        assert_eq!(classify("../other-article.md"), Ok(LinkKind::Relative));
        assert_eq!(classify(""), Ok(LinkKind::Relative));
    }

    #[test]
    fn refuses_script_schemes_in_any_disguise() {
        for href in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "  javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "jav\u{0}ascript:x",
            "vbscript:msgbox",
            "data:text/html;base64,AAAA",
            "DATA:image/png;base64,AAAA",
        ] {
            assert!(classify(href).is_err(), "{href:?} should be refused");
        }
        assert_eq!(
            classify("javascript:x"),
            Err(UnsafeLink {
                scheme: "javascript:"
            })
        );
    }
}
