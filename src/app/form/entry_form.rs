//! The add-or-edit form of one of the trainee's entries (a journal or placement entry, a task of
//! their own): what every such form is given ([`EntryForm`]), what its save button does
//! ([`EntryForm::submit`]), and what saving one says ([`save_saying`]). Each form keeps its own
//! fields; editing one in place is [`EditInPlace::edit_form`](super::EditInPlace::edit_form).

use leptos::prelude::*;

use super::actions::FormButtons;
use super::field::show_outcome;
use crate::app::records::UnsentForm;

/// What a form that adds or edits one of the trainee's entries is given: a draft of kind `D`
/// whose problems with what was typed come back as `P`.
pub struct EntryForm<D: 'static, P: 'static> {
    /// Prefix for the fields' ids (`{id_prefix}-{field}`), unique on the page; it also names the
    /// form's unsent words.
    pub id_prefix: String,
    /// What the fields start with.
    pub initial: D,
    /// The save button's words ("Add to log", "Save changes").
    pub submit_label: &'static str,
    /// Saves the draft; returns the problems with what was typed if it was refused.
    pub on_save: Callback<D, Result<(), P>>,
    /// Shown as a "Cancel" button when given (for editing).
    pub on_cancel: Option<Callback<()>>,
    /// Empty the fields after a successful save (for adding).
    pub clear_after_save: bool,
}

impl<D, P> EntryForm<D, P>
where
    D: 'static,
    P: Default + Send + Sync + 'static,
{
    /// A form that adds entries: no Cancel button, and empty fields again after each save.
    pub fn adding(
        id_prefix: impl Into<String>,
        initial: D,
        submit_label: &'static str,
        on_save: Callback<D, Result<(), P>>,
    ) -> Self {
        EntryForm {
            id_prefix: id_prefix.into(),
            initial,
            submit_label,
            on_save,
            on_cancel: None,
            clear_after_save: true,
        }
    }

    /// The `<form>` element's id.
    pub fn form_id(&self) -> String {
        format!("{}-form", self.id_prefix)
    }

    /// The id of the field called `name`.
    pub fn field_id(&self, name: &str) -> String {
        format!("{}-{name}", self.id_prefix)
    }

    /// The form's words kept while unsent, so leaving the page never drops them.
    pub fn unsent(&self) -> UnsentForm {
        UnsentForm::new(&self.id_prefix)
    }

    /// What the save button does: the draft `read` makes from the fields goes to `on_save`. A
    /// refused one puts each problem beside its field (see [`show_outcome`]) and keeps every
    /// word typed; a saved one lets the kept words go and, when adding, `clear`s the fields.
    pub fn submit(
        &self,
        unsent: UnsentForm,
        errors: RwSignal<P>,
        read: impl Fn() -> D + 'static,
        clear: impl Fn() + 'static,
    ) -> impl Fn(leptos::ev::SubmitEvent) + 'static {
        let on_save = self.on_save;
        let clear_after_save = self.clear_after_save;
        let form_id = self.form_id();
        move |ev| {
            ev.prevent_default();
            if show_outcome(errors, on_save.run(read()), &form_id) {
                unsent.clear();
                if clear_after_save {
                    clear();
                }
            }
        }
    }

    /// The save button, and Cancel when editing (which lets the kept words go too: cancelling
    /// drops them on purpose).
    pub fn buttons(&self, unsent: UnsentForm) -> impl IntoView {
        view! {
            <FormButtons submit_label=self.submit_label on_cancel=unsent.clearing_on(self.on_cancel)/>
        }
    }
}

/// What an entry form does on save: `save` stores the draft and the status line says `saved`,
/// or, when it failed for a reason other than what was typed, why. Problems with what was
/// typed, as `fields` picks them out, go back to the form to show beside their fields.
pub fn save_saying<D, E, P>(
    status: RwSignal<String>,
    save: impl Fn(D) -> Result<(), E> + Send + Sync + 'static,
    fields: fn(E) -> Result<P, E>,
    saved: impl Fn() -> String + Send + Sync + 'static,
) -> Callback<D, Result<(), P>>
where
    D: 'static,
    E: std::fmt::Display + 'static,
    P: 'static,
{
    Callback::new(move |draft: D| match save(draft).map_err(fields) {
        Ok(()) => {
            status.set(saved());
            Ok(())
        }
        Err(Ok(problems)) => Err(problems),
        Err(Err(other)) => {
            status.set(other.to_string());
            Ok(())
        }
    })
}
