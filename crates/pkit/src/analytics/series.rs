//! series analytics (being written).
