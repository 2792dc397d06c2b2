//! The search engine on any query, over an intact or a damaged index, and the wire
//! format on any bytes: a file that cannot be read is an error, never a panic, and every
//! search ends.
#![no_main]

use std::collections::HashMap;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use selfhelp_search::wire::{decode_outcome, decode_request};
use selfhelp_search::{
    analyze, build, search_with, Config, Document, Facets, Field, Filters, MemoryStore, Passage,
    Request, Searcher, Synonyms,
};

/// Words the documents are made of: enough of them, sharing prefixes and near
/// spellings, that queries reach prefixes, typos, tails and synonyms.
const WORDS: [&str; 24] = [
    "virtual",
    "machine",
    "start",
    "starting",
    "stopped",
    "status",
    "network",
    "netmask",
    "storage",
    "account",
    "access",
    "denied",
    "error",
    "0x80070005",
    "AADSTS50076",
    "HTTP",
    "429",
    "Set-AzVM",
    "login",
    "failed",
    "sql",
    "server",
    "backup",
    "restore",
];

/// An index of 300 documents, built once: long posting lists get heads and tails, and
/// record files and directories several of each.
fn index() -> &'static (Vec<u8>, HashMap<u64, Vec<u8>>) {
    static INDEX: OnceLock<(Vec<u8>, HashMap<u64, Vec<u8>>)> = OnceLock::new();
    INDEX.get_or_init(|| {
        let config = Config::default();
        let word = |n: usize| WORDS[n % WORDS.len()];
        let docs = (0..300usize).map(|n| {
            let title = format!("{} {} {}", word(n), word(n / 3 + 1), word(n / 7 + 5));
            let body: Vec<&str> = (0..(n % 40)).map(|k| word(n * 7 + k * k)).collect();
            let document = Document {
                key: format!("doc-{n}"),
                title,
                facets: Facets {
                    product: (n % 5) as u32,
                    kind: (n % 2) as u8,
                    clouds: 1 << (n % 3),
                },
                passages: vec![
                    Passage {
                        field: Field::Cause,
                        text: body.join(" "),
                        target: Some(format!("{n}.y")),
                    },
                    Passage {
                        field: Field::Body,
                        text: body.iter().rev().copied().collect::<Vec<_>>().join(" "),
                        target: None,
                    },
                ],
            };
            analyze(document, &config)
        });
        let (synonyms, _) = Synonyms::parse("vm = virtual machine\nsql = sql server\n");
        let built = build(docs.collect(), &synonyms, &config, &MemoryStore::digest);
        let (root, store) = MemoryStore::keep(built);
        (root, store.files)
    })
}

fuzz_target!(|data: &[u8]| {
    let _ = decode_request(data);
    let _ = decode_outcome(data);
    let [mode, which, limit, flags, rest @ ..] = data else {
        return;
    };
    // The rest: damage (offset and byte pairs) then the query, split at the first 0xff.
    let (damage, query) = match rest.iter().position(|&b| b == 0xff) {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (&[][..], rest),
    };
    let (root, files) = index();
    let mut root = root.clone();
    let mut files = files.clone();
    let mut ids: Vec<u64> = files.keys().copied().collect();
    ids.sort_unstable();
    let target: Option<&mut Vec<u8>> = match mode % 4 {
        0 => None,
        1 => Some(&mut root),
        2 => ids
            .get(usize::from(*which) % ids.len().max(1))
            .and_then(|id| files.get_mut(id)),
        _ => {
            // A file cut short.
            if let Some(file) = ids
                .get(usize::from(*which) % ids.len().max(1))
                .and_then(|id| files.get_mut(id))
            {
                let keep = damage.len() * 7 % (file.len() + 1);
                file.truncate(keep);
            }
            None
        }
    };
    if let Some(bytes) = target {
        for pair in damage.chunks_exact(2) {
            if !bytes.is_empty() {
                let index = usize::from(pair[0]) * 31 % bytes.len();
                bytes[index] ^= pair[1];
            }
        }
    }
    let Ok(mut searcher) = Searcher::open(&root) else {
        return;
    };
    let request = Request {
        text: String::from_utf8_lossy(query).into_owned(),
        filters: Filters {
            product: (flags & 1 != 0).then_some(u32::from(*which % 6)),
            kind: (flags & 2 != 0).then_some(*which % 3),
            cloud: (flags & 4 != 0).then_some(1 << (*which % 4)),
        },
        limit: usize::from(*limit),
        plain: flags & 8 != 0,
    };
    if let Ok(driven) = search_with(&mut searcher, &request, &files) {
        assert!(driven.results.hits.len() <= request.limit.max(1).min(100));
        assert!(driven.results.hits.len() <= driven.results.total);
    }
});
