//! Tests of the Porter2 stemmer against Snowball's sample output.

use super::stem;

/// From the Snowball English sample vocabulary and its output.
const CASES: &[(&str, &str)] = &[
    ("caresses", "caress"),
    ("ponies", "poni"),
    ("ties", "tie"),
    ("cats", "cat"),
    ("gas", "gas"),
    ("gaps", "gap"),
    ("agreed", "agre"),
    ("feed", "feed"),
    ("plastered", "plaster"),
    ("bled", "bled"),
    ("motoring", "motor"),
    ("sing", "sing"),
    ("hopping", "hop"),
    ("hoped", "hope"),
    ("falling", "fall"),
    ("filing", "file"),
    ("happy", "happi"),
    ("cry", "cri"),
    ("say", "say"),
    ("relational", "relat"),
    ("conditional", "condit"),
    ("generously", "generous"),
    ("generate", "generat"),
    ("communism", "communism"),
    ("knaves", "knave"),
    ("consistency", "consist"),
    ("consignment", "consign"),
    ("connection", "connect"),
    ("connections", "connect"),
    ("connecting", "connect"),
    ("authentication", "authent"),
    ("configuration", "configur"),
    ("machines", "machin"),
    ("virtual", "virtual"),
    ("failed", "fail"),
    ("replication", "replic"),
    ("hopefulness", "hope"),
    ("goodness", "good"),
    ("allowance", "allow"),
    ("adjustment", "adjust"),
    ("dependent", "depend"),
    ("adoption", "adopt"),
    ("effective", "effect"),
    ("analogy", "analog"),
    ("skies", "sky"),
    ("dying", "die"),
    ("news", "news"),
    ("succeed", "succeed"),
    ("exceeding", "exceed"),
    ("controll", "control"),
    ("yes", "yes"),
    ("sayings", "say"),
    ("crying", "cri"),
    ("ab", "ab"),
    ("café", "café"),
    ("win10", "win10"),
];

#[test]
fn porter2_cases() {
    let wrong: Vec<_> = CASES
        .iter()
        .filter(|(word, expected)| stem(word) != *expected)
        .map(|(word, expected)| format!("{word}: {} (expected {expected})", stem(word)))
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}
