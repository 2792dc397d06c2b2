//! Offline search for selfhelp: text analysis, the sharded index, its builder and the engine.
