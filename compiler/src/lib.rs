//! The selfhelp compiler: self-help articles (markdown with a `<properties>` header) to a bundle.
//!
//! The pipeline for one file is [`source`] (decode) → [`header`] (metadata) →
//! [`markdown`] (typed blocks with spans) → [`sections`] and [`flow`] (the decision tree),
//! or [`form`] for problem-scoping questionnaires; [`lower::compile`] runs it. [`build()`]
//! compiles folders in parallel and [`write_bundle`] writes the result. Problems are
//! reported as [`Diagnostic`]s with stable codes (see `docs/diagnostics.md`); compiling
//! never panics, whatever the input.

pub mod build;
pub mod data;
pub mod diagnostics;
mod edit;
pub mod flow;
pub mod form;
pub mod header;
mod html;
pub mod json;
pub mod links;
pub mod lower;
pub mod markdown;
pub mod sections;
pub mod source;
pub mod write;

pub use build::{build, build_observed, BuildOutput, FileReport};
pub use diagnostics::{Diagnostic, Label, Severity};
pub use lower::{compile, compile_owned, Compiled};
pub use source::SourceFile;
pub use write::{generator, write_bundle, WriteError, Written};
