//! The handoff's machine forms: JSON for the `selfhelp:submit` event and the download,
//! and a `mailto:` link. Hand-written JSON keeps serde_json (and its size) out of the
//! widget.

use crate::form::Submission;
use crate::route::percent_encode;

/// Mail clients and browsers cut long `mailto:` links; the body is shortened to fit.
const MAX_MAILTO_LEN: usize = 1800;

impl Submission {
    /// `{"articleId", "title", "answers": [{"id", "label", "value", "text"}]}`.
    pub fn to_json(&self) -> String {
        let answers: Vec<String> = self
            .answers
            .iter()
            .map(|a| {
                format!(
                    "{{\"id\":{},\"label\":{},\"value\":{},\"text\":{}}}",
                    json_string(&a.id),
                    json_string(&a.label),
                    json_string(&a.value),
                    json_string(&a.text)
                )
            })
            .collect();
        format!(
            "{{\"articleId\":{},\"title\":{},\"answers\":[{}]}}",
            json_string(&self.article_id),
            json_string(&self.title),
            answers.join(",")
        )
    }

    /// A `mailto:` link with the title as subject and the text summary as body (cut at
    /// a line when too long); `None` for an address that would break the link.
    pub fn mailto(&self, email: &str) -> Option<String> {
        let email = email.trim();
        let usable = email.contains('@')
            && !email
                .chars()
                .any(|c| c.is_whitespace() || matches!(c, '?' | '&' | '#' | '/' | ':' | '%'));
        if !usable {
            return None;
        }
        let link = |body: &str| {
            // RFC 6068: line breaks in a body are CRLF.
            let body = body.replace('\n', "\r\n");
            format!(
                "mailto:{email}?subject={}&body={}",
                percent_encode(&self.title),
                percent_encode(&body)
            )
        };
        let text = self.to_text();
        let full = link(&text);
        if full.len() <= MAX_MAILTO_LEN {
            return Some(full);
        }
        let note = "\n(Shortened: copy or download the summary for the full text.)\n";
        let mut body = String::new();
        for line in text.split_inclusive('\n') {
            let longer = format!("{body}{line}");
            if link(&format!("{longer}{note}")).len() > MAX_MAILTO_LEN {
                break;
            }
            body = longer;
        }
        Some(link(&format!("{body}{note}")))
    }
}

/// A JSON string literal.
pub fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Other controls, and the separators JavaScript once refused in strings.
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::submission::tests::submission;
    use crate::form::Answers;

    #[test]
    fn json() {
        let mut answers = Answers::default();
        answers.set("users", vec!["all".into()]);
        let s = submission(&answers);
        let json = s.to_json();
        assert!(json.starts_with(r#"{"articleId":"id-1","title":"Sync \"broken\"","answers":[{"id":"users","label":"Which users?","value":"all","text":"All users"},"#), "{json}");
        assert_eq!(
            json_string("a\\b\n\t\u{1}\u{2028}é"),
            r#""a\\b\n\t\u0001\u2028é""#
        );
    }

    #[test]
    fn mailto_encodes_and_shortens() {
        let mut answers = Answers::default();
        answers.set("users", vec!["all".into()]);
        let s = submission(&answers);
        let link = s.mailto("help@example.com").unwrap();
        assert!(
            link.starts_with("mailto:help@example.com?subject=Sync%20%22broken%22&body=Sync%20"),
            "{link}"
        );
        assert!(
            link.contains("%0D%0AWhich%20users%3F%0D%0AAll%20users"),
            "{link}"
        );
        assert_eq!(s.mailto("not an address"), None);
        assert_eq!(s.mailto("a@b.com?cc=x@y"), None);
        answers.set("when", vec!["2024-05-01T10:30".into()]);
        let mut long = submission(&answers);
        long.answers[0].text = "word ".repeat(600);
        let link = long.mailto("help@example.com").unwrap();
        assert!(link.len() <= MAX_MAILTO_LEN, "{}", link.len());
        assert!(link.contains("Shortened"));
    }
}
