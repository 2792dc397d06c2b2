//! The selfhelp widget.
