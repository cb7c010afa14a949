//! targets analytics (being written).
