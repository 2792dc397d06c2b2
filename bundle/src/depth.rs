//! A bound on nesting while decoding, so that no file can exhaust the reader's stack.
//!
//! Decoding is recursive, and in WebAssembly a stack overflow is a trap that no panic
//! hook sees: the page would freeze. The compiler flattens content deeper than
//! [`MAX_CONTENT_DEPTH`]; a file nested deeper than [`MAX_DECODE_DEPTH`] was not written
//! by it, and is refused as damaged.

use std::cell::Cell;

use serde::de::Error;
use serde::{Deserialize, Deserializer};

/// How deep the compiler lets lists, quotes and regions nest, and inline spans nest
/// inside them; deeper content is flattened with a warning.
pub const MAX_CONTENT_DEPTH: usize = 16;

/// The deepest nesting of blocks and inlines a reader accepts.
pub const MAX_DECODE_DEPTH: u32 = 64;

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// Starts a decode from the top (after an earlier decode that stopped half-way).
pub(crate) fn reset() {
    DEPTH.with(|depth| depth.set(0));
}

/// `deserialize_with` for every field that nests content inside content.
pub(crate) fn nested<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let depth = DEPTH.with(Cell::get);
    if depth >= MAX_DECODE_DEPTH {
        return Err(D::Error::custom(format!(
            "content nested more than {MAX_DECODE_DEPTH} levels deep"
        )));
    }
    DEPTH.with(|cell| cell.set(depth + 1));
    let value = T::deserialize(deserializer);
    DEPTH.with(|cell| cell.set(depth));
    value
}
