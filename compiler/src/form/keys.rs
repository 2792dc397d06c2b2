//! Key spelling in form JSON: keys written in another case or one slip away from a known
//! key are read as that key, with SH0202; keys the compiler does not read are kept.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use crate::diagnostics::{codes, Diagnostic};
use crate::edit::within_one_edit;
use crate::json::{Member, Node};
use crate::source::SourceFile;

/// Keys at least this long are read through one typo (`fieAttachmentHint`,
/// `infoBallonText`); shorter ones are too close to each other to guess.
const MIN_GUESSED_LEN: usize = 10;

/// The known key `key` is meant to be, when it is not written exactly so.
fn meant(key: &str, known: &[&'static str]) -> Option<&'static str> {
    if known.contains(&key) {
        return None;
    }
    if let Some(same) = known.iter().find(|k| k.eq_ignore_ascii_case(key)) {
        return Some(same);
    }
    let lower = key.to_ascii_lowercase();
    known
        .iter()
        .filter(|k| k.len() >= MIN_GUESSED_LEN && k.len().abs_diff(key.len()) <= 1)
        .find(|k| within_one_edit(&k.to_ascii_lowercase(), &lower))
        .copied()
}

/// SH0202 for each key written in another case or one slip away from a `known` key;
/// returns the members with those keys fixed (as they are, without a copy, when every
/// key is right, as nearly all are).
pub fn spelling<'m>(
    source: &Arc<SourceFile>,
    members: &'m [Member],
    known: &[&'static str],
    diagnostics: &mut Vec<Diagnostic>,
) -> Cow<'m, [Member]> {
    if members.iter().all(|m| meant(&m.key, known).is_none()) {
        return Cow::Borrowed(members);
    }
    members
        .iter()
        .map(|m| {
            let mut fixed = m.clone();
            if let Some(right) = meant(&m.key, known) {
                diagnostics.push(
                    Diagnostic::warning(
                        codes::KEY_SPELLING,
                        format!("`{}` is read as `{right}`", m.key),
                        source,
                        m.key_span.clone(),
                        format!("should be `{right}`"),
                    )
                    .with_help(format!("write the key as `{right}`")),
                );
                fixed.key = right.to_string();
            }
            fixed
        })
        .collect()
}

/// The members whose keys are not among `read`, for hosts: the key as written and the
/// value as its JSON text.
pub fn unread(source: &SourceFile, members: &[Member], read: &[&str]) -> BTreeMap<String, String> {
    members
        .iter()
        .filter(|m| !read.iter().any(|k| k.eq_ignore_ascii_case(&m.key)))
        .map(|m| (m.key.clone(), json_text(source, &m.value)))
        .collect()
}

fn json_text(source: &SourceFile, node: &Node) -> String {
    source.text.get(node.span.clone()).unwrap_or("").to_string()
}

#[cfg(test)]
mod tests {
    use super::meant;

    const KNOWN: [&str; 3] = ["fileAttachmentHint", "infoBalloonText", "id"];

    #[test]
    fn case_and_one_slip_are_read_as_the_known_key() {
        assert_eq!(meant("fileAttachmentHint", &KNOWN), None);
        assert_eq!(
            meant("FileAttachmentHint", &KNOWN),
            Some("fileAttachmentHint")
        );
        assert_eq!(
            meant("fieAttachmentHint", &KNOWN),
            Some("fileAttachmentHint")
        );
        assert_eq!(meant("infoBallonText", &KNOWN), Some("infoBalloonText"));
        assert_eq!(meant("ID", &KNOWN), Some("id"));
        // Short keys are only matched ignoring case, never guessed.
        assert_eq!(meant("if", &KNOWN), None);
        assert_eq!(meant("diagnosticCard", &KNOWN), None);
    }
}
