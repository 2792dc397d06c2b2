//! Every file a widget decodes (entry, chunk, catalogue page, product list, lookup
//! bucket), from any bytes, with and without a valid header: an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use selfhelp_bundle::{
    decode_file, decode_payload, encode_with_header, CatalogPage, Chunk, Entry, FileKind, Header,
    Lookup, Products,
};

fuzz_target!(|data: &[u8]| {
    let _ = decode_payload::<Entry>(data);
    let _ = decode_payload::<Chunk>(data);
    let _ = decode_payload::<CatalogPage>(data);
    let _ = decode_payload::<Products>(data);
    let _ = decode_payload::<Lookup>(data);
    let _ = decode_file::<Chunk>(FileKind::Chunk, data);
    let _ = decode_file::<Entry>(FileKind::Entry, data);
    // The same bytes as the payload of a well-formed file of each kind.
    for kind in [
        FileKind::Entry,
        FileKind::Chunk,
        FileKind::Catalog,
        FileKind::Lookup,
    ] {
        let header = Header::current(kind, "fuzz");
        let Ok(file) = encode_with_header(&header, data) else {
            continue;
        };
        match kind {
            FileKind::Entry => drop(decode_file::<Entry>(kind, &file)),
            FileKind::Chunk => drop(decode_file::<Chunk>(kind, &file)),
            FileKind::Catalog => drop(decode_file::<CatalogPage>(kind, &file)),
            _ => drop(decode_file::<Lookup>(kind, &file)),
        }
    }
});
