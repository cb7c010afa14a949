//! awards analytics (being written).
