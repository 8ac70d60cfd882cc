//! The storage layer: where a trainee's data lives on their device and how it gets there safely.
