//! Writing: the assignments list and the editor live in [`crate::app::writing`].

pub use crate::app::writing::{AssignmentsPage, EditorPage};
