//! `cargo xtask import-names WASM GLUE`: short import names, in a module and its glue.
//!
//! wasm-bindgen names each import `__wbg_<name>_<16 hex digits>` and writes every name
//! twice: in the module's import section and in the glue's imports object. The hashes do
//! not compress, and for the widget they are about 4 KB gzip of what every visitor
//! downloads. trunk's post-build hook (`www/loader.sh`) runs this on the release files.
//! Binaryen's `--minify-imports` renames only emscripten's `env` imports, and nothing
//! rewrites the glue to match, hence this pass: wasmparser reads the module, every other
//! section is copied byte for byte, and the import section is written again by
//! wasm-encoder with names `_0`, `_1`, … in import order.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use wasm_encoder::reencode::{Reencode, RoundtripReencoder};
use wasmparser::{Import, Imports, Parser, Payload};

#[derive(clap::Args)]
pub struct Args {
    /// The module (rewritten in place).
    pub wasm: PathBuf,
    /// The JavaScript that instantiates it (rewritten in place).
    pub glue: PathBuf,
}

pub fn run(args: Args) -> Result<()> {
    let read =
        |path: &Path| std::fs::read(path).with_context(|| format!("reading {}", path.display()));
    let wasm = read(&args.wasm)?;
    let glue = String::from_utf8(read(&args.glue)?).context("the glue is not UTF-8")?;
    let (wasm, glue, renamed) = rename(&wasm, &glue)?;
    std::fs::write(&args.wasm, wasm)?;
    std::fs::write(&args.glue, glue)?;
    println!(
        "import-names: {renamed} imports of {} renamed",
        args.wasm.display()
    );
    Ok(())
}

/// The module and glue with short import names, and how many were renamed. Refuses (and
/// changes nothing) when a name is missing from the glue: the pair would not link.
pub fn rename(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String, usize)> {
    let mut names: HashMap<String, String> = HashMap::new();
    let mut module = wasm_encoder::Module::new();
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload.context("reading the module")?;
        if let Payload::ImportSection(reader) = &payload {
            let mut section = wasm_encoder::ImportSection::new();
            for group in reader.clone() {
                let Imports::Single(_, import) = group.context("reading an import")? else {
                    bail!("compact import groups are not supported");
                };
                // Only wasm-bindgen's own names: anything else (an imported `memory`, say)
                // may be spelled the same as other words of the glue.
                let ours =
                    import.name.starts_with("__wbg") || import.name.starts_with("__wbindgen");
                let name = match ours {
                    true => {
                        let short = format!("_{:x}", names.len());
                        if names.insert(import.name.to_string(), short).is_some() {
                            bail!("the import {} appears twice", import.name);
                        }
                        names[import.name].as_str()
                    }
                    false => import.name,
                };
                RoundtripReencoder
                    .parse_imports(&mut section, Imports::Single(0, Import { name, ..import }))
                    .map_err(|error| anyhow::anyhow!("{error:?}"))?;
            }
            module.section(&section);
        } else if let Some((id, range)) = payload.as_section() {
            let data = wasm.get(range).context("a section out of the module")?;
            module.section(&wasm_encoder::RawSection { id, data });
        }
    }
    let mut found: HashMap<&str, usize> = HashMap::new();
    let mut out = String::with_capacity(glue.len());
    let mut rest = glue;
    // Identifiers, whole: an import name is never replaced inside a longer one.
    while let Some(start) = rest.find(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$') {
        let (before, word) = rest.split_at(start);
        let end = word
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '$'))
            .unwrap_or(word.len());
        let (word, after) = word.split_at(end);
        out.push_str(before);
        match names.get_key_value(word) {
            Some((long, short)) => {
                *found.entry(long.as_str()).or_default() += 1;
                out.push_str(short);
            }
            None => out.push_str(word),
        }
        rest = after;
    }
    out.push_str(rest);
    if let Some(missing) = names.keys().find(|name| !found.contains_key(name.as_str())) {
        bail!("the import {missing} is not in the glue: nothing renamed");
    }
    Ok((module.finish(), out, names.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing two functions as wasm-bindgen names them and one as another
    /// tool would, and exporting one.
    fn module() -> Vec<u8> {
        let mut types = wasm_encoder::TypeSection::new();
        types.ty().function([], []);
        let mut imports = wasm_encoder::ImportSection::new();
        for name in [
            "__wbg_log_0123456789abcdef",
            "__wbindgen_throw_fedcba9876543210",
        ] {
            imports.import("wbg", name, wasm_encoder::EntityType::Function(0));
        }
        imports.import("env", "log", wasm_encoder::EntityType::Function(0));
        let mut functions = wasm_encoder::FunctionSection::new();
        functions.function(0);
        let mut exports = wasm_encoder::ExportSection::new();
        exports.export("__wbindgen_start", wasm_encoder::ExportKind::Func, 3);
        let mut code = wasm_encoder::CodeSection::new();
        let mut body = wasm_encoder::Function::new([]);
        body.instructions().call(0).end();
        code.function(&body);
        let mut module = wasm_encoder::Module::new();
        module
            .section(&types)
            .section(&imports)
            .section(&functions)
            .section(&exports)
            .section(&code);
        module.finish()
    }

    fn import_names(wasm: &[u8]) -> Vec<String> {
        let mut names = Vec::new();
        for payload in Parser::new(0).parse_all(wasm) {
            if let Ok(Payload::ImportSection(reader)) = payload {
                for group in reader {
                    if let Ok(Imports::Single(_, import)) = group {
                        names.push(import.name.to_string());
                    }
                }
            }
        }
        names
    }

    #[test]
    fn renames_wasm_bindgens_imports_in_both_and_leaves_the_rest_alone() {
        let glue = "i.wbg.__wbg_log_0123456789abcdef=function(){};\
                    i.wbg.__wbindgen_throw_fedcba9876543210=function(){};\
                    w.__wbindgen_start();x.__wbg_log_0123456789abcdefg;console.log();";
        let (wasm, glue, renamed) = rename(&module(), glue).unwrap();
        assert_eq!(renamed, 2);
        assert_eq!(import_names(&wasm), ["_0", "_1", "log"]);
        assert_eq!(
            glue,
            "i.wbg._0=function(){};i.wbg._1=function(){};\
             w.__wbindgen_start();x.__wbg_log_0123456789abcdefg;console.log();"
        );
        wasmparser::validate(&wasm).expect("the renamed module is valid");
    }

    #[test]
    fn a_name_missing_from_the_glue_changes_nothing() {
        let error = rename(&module(), "i.wbg.__wbg_log_0123456789abcdef=f;").unwrap_err();
        assert!(error
            .to_string()
            .contains("__wbindgen_throw_fedcba9876543210"));
    }
}
