//! The selfhelp compiler.
