//! Writing: the assignments list and the drafting space (issue 5).
//!
//! Everything persists through `use_record` only, by the typed names in
//! [`record_names`](crate::storage::record_names): `ASSIGNMENTS` (the list of
//! [`Assignment`](crate::domain::assignment::Assignment)), `draft(id)`, `history(id)` and
//! `PROFILE`. The rules (word counts, outline changes, history, export writers, the language
//! checker and its dismissals) are the domain's.

mod assignment_details;
mod dismissed_list;
pub mod draft_state;
pub mod due_next;
mod editor;
mod editor_toolbar;
mod export_panel;
mod findings_list;
mod highlight_backdrop;
mod history_panel;
mod journal_picker;
pub mod language_check;
mod list;
mod outline;
pub(crate) mod print_view;
mod section_editor;
mod textarea_edit;

pub use due_next::AssignmentsDueNext;
pub use editor::{EditorPage, FOCUS_MODE_CLASS};
pub use export_panel::DOUBLE_SPACING_CLASS;
pub use list::AssignmentsPage;
