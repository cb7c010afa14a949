//! growth analytics (being written).
