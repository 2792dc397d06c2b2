//! Pagefind, installed from npm and fed the same documents through its Node API.
//!
//! Each article becomes an HTML page for `addHTMLFile`: the title as its `<h1>`, heading
//! passages as `<h2>`, every other passage as a paragraph, with the key as metadata and
//! product, kind and clouds as filters. HTML rather than `addCustomRecord`, because a
//! custom record's title is metadata only (never searched) and its content has no
//! headings: as HTML, Pagefind weighs titles and headings as it does on any site, which
//! is Pagefind at its best.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use selfhelp_search::{Document, Field};

use crate::process::{command, exec};
use crate::tools;

const VERSION: &str = "1.6.0";

/// Reads JSON lines `{url, html}`, indexes them, writes the bundle.
const BUILD_SCRIPT: &str = r#"import { createReadStream } from 'node:fs';
import readline from 'node:readline';
const [input, output] = process.argv.slice(2);
const pagefind = await import('pagefind');
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
if (!index) throw new Error(errors.join('; '));
let batch = [], pages = 0, refused = 0;
const flush = async () => {
  const added = await Promise.all(batch.map((r) => index.addHTMLFile({ url: r.url, content: r.html })));
  refused += added.filter((a) => a.errors.length > 0).length;
  pages += batch.length;
  batch = [];
};
for await (const line of readline.createInterface({ input: createReadStream(input) })) {
  if (line) batch.push(JSON.parse(line));
  if (batch.length >= 256) await flush();
}
await flush();
const written = await index.writeFiles({ outputPath: output });
if (written.errors.length) throw new Error(written.errors.join('; '));
console.error(`pagefind: ${pages} pages indexed, ${refused} refused`);
await pagefind.close();
"#;

/// Installs pagefind into `target/tools` beside the other npm tools, unless it is there.
pub fn ensure() -> Result<()> {
    if tools::npm_has("pagefind", VERSION) {
        return Ok(());
    }
    tools::npm_install(&[format!("pagefind@{VERSION}")])
}

/// Indexes `docs` into `out` (which becomes the site's `/pagefind/`).
pub fn build(docs: &[Document], products: &[String], work: &Path, out: &Path) -> Result<()> {
    let input = work.join("pagefind-input.jsonl");
    let mut file = std::io::BufWriter::new(
        std::fs::File::create(&input).with_context(|| format!("creating {}", input.display()))?,
    );
    for doc in docs {
        let product = products
            .get(doc.facets.product as usize)
            .map_or("", String::as_str);
        let line = serde_json::json!({
            "url": format!("/article/{}", doc.key),
            "html": page(doc, product),
        });
        writeln!(file, "{line}")?;
    }
    file.flush()?;
    drop(file);
    // The script sits beside node_modules so `import('pagefind')` finds the package.
    let script = tools::npm_tools_dir().join("bench-search-pagefind.mjs");
    std::fs::write(&script, BUILD_SCRIPT)?;
    if out.exists() {
        std::fs::remove_dir_all(out)?;
    }
    let mut node = command("node", &[]);
    node.arg(&script).arg(&input).arg(out);
    exec(node)
}

fn page(doc: &Document, product: &str) -> String {
    let mut html = String::from(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"></head><body><main data-pagefind-body>",
    );
    html.push_str(&format!("<h1>{}</h1>", escape(&doc.title)));
    // Ignored for the index, read for metadata and filters.
    html.push_str("<div data-pagefind-ignore>");
    html.push_str(&format!(
        "<span data-pagefind-meta=\"key\">{}</span>",
        escape(&doc.key)
    ));
    html.push_str(&format!(
        "<span data-pagefind-filter=\"product\">{}</span>",
        escape(product)
    ));
    let kind = if doc.facets.kind == 0 {
        "troubleshooter"
    } else {
        "questionnaire"
    };
    html.push_str(&format!(
        "<span data-pagefind-filter=\"kind\">{kind}</span>"
    ));
    for (bit, cloud) in CLOUDS.iter().enumerate() {
        if doc.facets.clouds & (1 << bit) != 0 {
            html.push_str(&format!(
                "<span data-pagefind-filter=\"cloud\">{cloud}</span>"
            ));
        }
    }
    html.push_str("</div>");
    for passage in &doc.passages {
        let tag = if passage.field == Field::Heading {
            "h2"
        } else {
            "p"
        };
        html.push_str(&format!("<{tag}>{}</{tag}>", escape(&passage.text)));
    }
    html.push_str("</main></body></html>");
    html
}

/// The cloud bits' names, by bit (`selfhelp_bundle::cloud_bit`).
const CLOUDS: [&str; 7] = [
    "public", "usgov", "china", "germany", "usnat", "ussec", "other",
];

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
