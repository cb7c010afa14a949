//! certifications analytics (being written).
