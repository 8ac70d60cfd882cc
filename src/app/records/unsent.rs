//! Text typed into a form and not yet sent, kept as the trainee types so that leaving the page
//! (a tap on Home, a phone call, a closed tab) never drops it.
//!
//! Any form can use it: make an [`UnsentForm`], ask it for each field's signal instead of making
//! a plain `RwSignal`, call [`UnsentForm::clear`] once the form's text has been saved for real,
//! and wrap the form's cancel with [`UnsentForm::clearing_on`]. Fields are kept in one small record ([`keys::UNSENT`]) under
//! `"<form>/<field>"`; a field left as it started is not kept.
//!
//! [`keys::UNSENT`]: crate::storage::keys::UNSENT

use leptos::prelude::*;

use super::{use_record, Records};
use crate::storage::record_names::UNSENT;

/// The text of one form field, kept while it is unsent. `form` names the form (unique in the
/// app, such as `"new-entry"`), `field` the field in it; `initial` is what the field starts
/// with when nothing unsent is kept for it.
///
/// The signal follows the stored text when it changes from outside (another tab, a restore).
pub fn use_unsent_text(form: &str, field: &str, initial: String) -> RwSignal<String> {
    let records = expect_context::<Records>();
    let unsent = use_record(UNSENT);
    let key = format!("{form}/{field}");
    let start = unsent
        .with_untracked(|kept| kept.get(&key).cloned())
        .unwrap_or_else(|| initial.clone());
    let value = RwSignal::new(start);

    let write_key = key.clone();
    let write_initial = initial.clone();
    Effect::new(move |_| {
        let text = value.get();
        let keep = (text != write_initial).then_some(text);
        if unsent.with_untracked(|kept| kept.get(&write_key) != keep.as_ref()) {
            unsent.update(|kept| match keep {
                Some(text) => {
                    kept.insert(write_key.clone(), text);
                }
                None => {
                    kept.remove(&write_key);
                }
            });
        }
    });

    let outside = records.outside_changes(UNSENT);
    Effect::new(move |first: Option<()>| {
        outside.track();
        if first.is_none() {
            return;
        }
        let stored = unsent
            .with_untracked(|kept| kept.get(&key).cloned())
            .unwrap_or_else(|| initial.clone());
        if value.with_untracked(|now| now != &stored) {
            value.set(stored);
        }
    });
    value
}

/// One form's unsent text: its fields, and letting them go once the form is saved or cancelled.
/// Made once per form with [`UnsentForm::new`]; cheap to copy into event handlers.
#[derive(Clone, Copy)]
pub struct UnsentForm {
    form: StoredValue<String>,
    records: Records,
}

impl UnsentForm {
    /// The unsent text of the form named `form` (unique in the app, such as `"new-entry"`).
    pub fn new(form: &str) -> Self {
        Self {
            form: StoredValue::new(form.to_owned()),
            records: expect_context::<Records>(),
        }
    }

    /// One field's signal, kept while unsent (see [`use_unsent_text`]).
    pub fn field(&self, field: &str, initial: String) -> RwSignal<String> {
        use_unsent_text(&self.form.read_value(), field, initial)
    }

    /// Forget every field's unsent text: the form has been saved for real.
    pub fn clear(&self) {
        self.records.clear_unsent(&self.form.read_value());
    }

    /// `cancel`, which first lets the form's kept words go too (cancelling an edit drops them
    /// on purpose).
    pub fn clearing_on(&self, cancel: Option<Callback<()>>) -> Option<Callback<()>> {
        let this = *self;
        cancel.map(|cancel| {
            Callback::new(move |()| {
                this.clear();
                cancel.run(())
            })
        })
    }
}

impl Records {
    /// Forget the unsent text of every field of `form`: it has been saved, or the trainee
    /// cancelled. (A method, so event handlers can call it without the reactive context.)
    pub fn clear_unsent(&self, form: &str) {
        let unsent = self.get(UNSENT);
        let prefix = format!("{form}/");
        if unsent.with_untracked(|kept| kept.keys().any(|k| k.starts_with(&prefix))) {
            unsent.update(|kept| kept.retain(|k, _| !k.starts_with(&prefix)));
        }
    }
}
