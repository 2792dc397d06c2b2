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
    // Only the scheme matters: the first few characters that count, lower-cased into a
    // fixed buffer (links are everywhere, so no allocation). Schemes are ASCII, so any
    // other character becomes a byte that matches none.
    let mut buffer = [0u8; SCHEME_PREFIX];
    let mut len = 0;
    for c in href
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
    {
        let Some(slot) = buffer.get_mut(len) else {
            break;
        };
        *slot = if c.is_ascii() {
            c.to_ascii_lowercase() as u8
        } else {
            0xFF
        };
        len += 1;
    }
    let key = buffer.get(..len).unwrap_or(&[]);
    let starts = |prefix: &str| key.starts_with(prefix.as_bytes());
    if let Some(scheme) = UNSAFE_SCHEMES.iter().find(|s| starts(s)) {
        return Err(UnsafeLink { scheme });
    }
    let kind = if starts("http://") || starts("https://") || starts("//") {
        LinkKind::Web
    } else if starts("mailto:") {
        LinkKind::Email
    } else if starts("#") {
        LinkKind::Anchor
    } else if PORTAL_SCHEMES.iter().any(|s| starts(s)) {
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
