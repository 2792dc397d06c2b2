//! The selfhelp compiler: self-help articles (markdown with a `<properties>` header) to a bundle.
//!
//! The pipeline for one file is [`source`] (decode) → [`header`] (metadata) →
//! [`markdown`] (typed blocks with spans) → [`sections`] and [`flow`] (the decision tree),
//! or [`form`] for problem-scoping questionnaires; [`lower::compile`] runs it. [`build()`]
//! compiles folders in parallel and [`build_site`] writes them as a site. Problems are
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
pub mod site;
pub mod source;

pub use build::{build, build_observed, compile_all, BuildOutput, FileReport};
pub use diagnostics::{Diagnostic, Label, Severity};
pub use lower::{compile, compile_owned, Compiled};
pub use site::{build_site, generator, SiteBuild, SiteError, SiteOptions};
pub use source::SourceFile;
