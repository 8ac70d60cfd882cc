//! The one form kit every area builds its forms from: labelled fields that show their problem
//! beside them ([`Field`]), the helper that turns a form's errors into what a field shows
//! ([`error_of`]), moving focus once the page has caught up ([`focus_id`], [`focus_node`],
//! [`focus_first_problem`]) and the edit / delete / "delete for good?" buttons of a list item
//! ([`ItemActions`]), what every add-or-edit form of an entry is given and does on save
//! ([`EntryForm`]), and the status line that says what happened ([`StatusLine`]).
//!
//! Their look lives in one stylesheet, `style/controls.css`, so a field or a button is the same in
//! the course, the glossary and the writing area.

mod actions;
mod entry_form;
mod field;
mod focus;

pub use actions::{
    EditInPlace, FormButtons, InPlaceActions, ItemActionWords, ItemActions, DELETE_ENTRY,
    REMOVE_TASK,
};
pub use entry_form::{save_saying, EntryForm};
pub use field::{error_of, show_outcome, Checkbox, Control, Field, StatusLine};
pub use focus::{focus_first_problem, focus_id, focus_node};
