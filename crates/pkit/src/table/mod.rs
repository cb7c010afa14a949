//! Flat, typed, columnar tables of a registry (being written).
