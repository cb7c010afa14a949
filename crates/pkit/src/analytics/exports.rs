//! exports analytics (being written).
