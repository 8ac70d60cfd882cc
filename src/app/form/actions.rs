//! The buttons of forms and list items: a form's save (and cancel) buttons, and the actions of one
//! item in a list the trainee keeps (a journal entry, a placement entry, a task of their own):
//! Edit, and Delete after a second press ("Delete this entry for good?").
//!
//! Focus is never lost: asking moves it to "Keep it", keeping moves it back to Edit, and the
//! caller moves it somewhere that stays once the item is gone.

use leptos::prelude::*;

use super::entry_form::EntryForm;
use super::focus::focus_id;

/// The words of one kind of item's actions.
#[derive(Clone, Copy)]
pub struct ItemActionWords {
    /// The verb on the second button: "Delete", "Remove".
    pub remove: &'static str,
    /// Which item the buttons act on, for screen readers (hidden): " this entry".
    pub what: &'static str,
    /// The question asked before removing: "Delete this entry for good?"
    pub question: &'static str,
    /// The button that answers yes: "Yes, delete it".
    pub confirm: &'static str,
}

/// A journal or placement entry: deleting it loses the trainee's words, so the question says so.
pub const DELETE_ENTRY: ItemActionWords = ItemActionWords {
    remove: "Delete",
    what: " this entry",
    question: "Delete this entry for good?",
    confirm: "Yes, delete it",
};

/// One of the trainee's own prep tasks.
pub const REMOVE_TASK: ItemActionWords = ItemActionWords {
    remove: "Remove",
    what: " this task",
    question: "Remove this task?",
    confirm: "Yes, remove it",
};

/// Edit, and remove after a second press. The buttons' ids are `edit-{id}` and `keep-{id}`, so a
/// closing edit form can send focus back to Edit.
#[component]
pub fn ItemActions(
    /// The item's id.
    #[prop(into)]
    id: String,
    /// What the buttons and the question say.
    words: ItemActionWords,
    /// Which item of the list is waiting for an answer (one at a time).
    confirming: RwSignal<Option<String>>,
    /// Opens the item's edit form; the caller moves focus into it.
    on_edit: Callback<()>,
    /// Removes the item; the caller says so and moves focus somewhere that stays.
    on_remove: Callback<()>,
) -> impl IntoView {
    let id = StoredValue::new(id);
    let edit_id = move || format!("edit-{}", id.read_value());
    let keep_id = move || format!("keep-{}", id.read_value());
    let is_confirming = move || confirming.with(|c| c.as_deref() == Some(id.read_value().as_str()));
    let ask = move |_| {
        confirming.set(Some(id.get_value()));
        focus_id(keep_id());
    };
    let keep = move |_| {
        confirming.set(None);
        focus_id(edit_id());
    };
    let remove = move |_| {
        confirming.set(None);
        on_remove.run(());
    };
    view! {
        <div class="item-actions">
            <Show
                when=is_confirming
                fallback=move || {
                    view! {
                        <button
                            type="button"
                            class="button quiet small"
                            id=edit_id()
                            on:click=move |_| on_edit.run(())
                        >
                            "Edit"
                            <span class="visually-hidden">{words.what}</span>
                        </button>
                        <button type="button" class="button quiet small" on:click=ask>
                            {words.remove}
                            <span class="visually-hidden">{words.what}</span>
                        </button>
                    }
                }
            >
                <span class="confirm-text">{words.question}</span>
                <button type="button" class="button primary small" on:click=remove>
                    {words.confirm}
                </button>
                <button type="button" class="button quiet small" id=keep_id() on:click=keep>
                    "Keep it"
                </button>
            </Show>
        </div>
    }
}

/// A form's save button, and a Cancel button when the form can be closed (editing in place).
#[component]
pub fn FormButtons(
    /// The save button's words ("Add task", "Save changes").
    submit_label: &'static str,
    /// Closes the form without saving; no Cancel button without it.
    #[prop(optional_no_strip)]
    on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <div class="actions">
            <button type="submit" class="button primary">{submit_label}</button>
            {on_cancel
                .map(|cancel| {
                    view! {
                        <button type="button" class="button quiet" on:click=move |_| cancel.run(())>
                            "Cancel"
                        </button>
                    }
                })}
        </div>
    }
}

/// How an item's Edit and remove buttons speak and where they send focus (see
/// [`EditInPlace::item_actions`]).
pub struct InPlaceActions<F, T> {
    /// What the buttons and the question say.
    pub words: ItemActionWords,
    /// What the status line says once the item is gone ("Task removed.").
    pub removed: &'static str,
    /// The id of the edit form's first field, for the item's id.
    pub first_field: F,
    /// The id of the element that takes focus once the item is gone.
    pub then: T,
}

/// An item being edited in place: which item of the list has its form open, which is asking
/// "delete for good?", and the list's status line. Closing the form sends focus back to the
/// item's Edit button (see [`ItemActions`]).
#[derive(Clone, Copy)]
pub struct EditInPlace {
    /// Which item's edit form is open.
    pub editing: RwSignal<Option<String>>,
    /// Which item is waiting for an answer to its question (one at a time).
    pub confirming: RwSignal<Option<String>>,
    /// Where the list says what happened.
    pub status: RwSignal<String>,
}

impl EditInPlace {
    /// A list with no form open and nothing asked, saying what happens in `status`.
    pub fn new(status: RwSignal<String>) -> Self {
        EditInPlace {
            editing: RwSignal::new(None),
            confirming: RwSignal::new(None),
            status,
        }
    }

    /// One of the trainee's entries in the list (a journal or placement entry, id `id`), as an
    /// `<li>`: `read` shows it, `form` while it is being edited.
    pub fn entry<R, F, RV, FV>(self, id: StoredValue<String>, read: R, form: F) -> impl IntoView
    where
        R: Fn() -> RV + Send + Sync + 'static,
        RV: IntoView + Send + 'static,
        F: Fn() -> FV + Send + Sync + 'static,
        FV: IntoView + Send + 'static,
    {
        let editing = self.editing;
        let is_editing = move || editing.with(|e| e.as_deref() == Some(id.read_value().as_str()));
        view! {
            <li>
                <Show when=is_editing fallback=read>
                    {form()}
                </Show>
            </li>
        }
    }

    /// Edit, and Delete after a second press, for entry `id`: Edit opens its form with focus on
    /// its field `{id}-form-{first_field}`; Delete runs `remove`, says so and moves focus to the
    /// element `then`, which stays.
    pub fn entry_actions(
        self,
        id: StoredValue<String>,
        first_field: &'static str,
        remove: impl Fn(&str) + Send + Sync + 'static,
        then: &'static str,
    ) -> impl IntoView {
        let actions = InPlaceActions {
            words: DELETE_ENTRY,
            removed: "Entry deleted.",
            first_field: move |id: &str| format!("{id}-form-{first_field}"),
            then: move || then.to_string(),
        };
        self.item_actions(id, actions, remove)
    }

    /// Edit, and remove after a second press (worded by `actions`), for item `id`: Edit opens its
    /// form with focus on its first field; removing runs `remove`, says so and moves focus to an
    /// element that stays.
    pub fn item_actions<F, T>(
        self,
        id: StoredValue<String>,
        actions: InPlaceActions<F, T>,
        remove: impl Fn(&str) + Send + Sync + 'static,
    ) -> impl IntoView
    where
        F: Fn(&str) -> String + Send + Sync + 'static,
        T: Fn() -> String + Send + Sync + 'static,
    {
        let InPlaceActions {
            words,
            removed,
            first_field,
            then,
        } = actions;
        view! {
            <ItemActions
                id=id.get_value()
                words
                confirming=self.confirming
                on_edit=Callback::new(move |_| {
                    let first = first_field(&id.read_value());
                    self.open(id.get_value(), first);
                })
                on_remove=Callback::new(move |_| {
                    remove(&id.read_value());
                    self.removed(removed, &then());
                })
            />
        }
    }

    /// Opens `id`'s form, with focus on the field whose id is `first`.
    pub fn open(self, id: String, first: String) {
        self.editing.set(Some(id));
        focus_id(first);
    }

    /// Says that an item is gone (in `words`), with focus on the element `then`, which stays.
    pub fn removed(self, words: &str, then: &str) {
        self.status.set(words.to_string());
        focus_id(then);
    }

    /// The form that edits entry `id` in place: its fields are `{id}-form-…` (where Edit sends
    /// focus, see [`EditInPlace::entry_actions`]) and start from `initial`, with "Save changes"
    /// and Cancel buttons. It saves with `on_save` (see [`save_saying`]), then closes, unless
    /// there are problems with what was typed to show beside their fields.
    ///
    /// [`save_saying`]: super::save_saying
    pub fn edit_form<D, P>(
        self,
        id: StoredValue<String>,
        initial: D,
        on_save: Callback<D, Result<(), P>>,
    ) -> EntryForm<D, P>
    where
        D: 'static,
        P: 'static,
    {
        EntryForm {
            id_prefix: format!("{}-form", id.read_value()),
            initial,
            submit_label: "Save changes",
            on_save: Callback::new(move |draft: D| {
                on_save.run(draft)?;
                self.close(&id.read_value());
                Ok(())
            }),
            on_cancel: Some(self.on_cancel(id)),
            clear_after_save: false,
        }
    }

    /// What an entry's edit form does on Cancel: it closes without saving.
    pub fn on_cancel(self, id: StoredValue<String>) -> Callback<()> {
        Callback::new(move |()| self.close(&id.read_value()))
    }

    /// Closes `id`'s form, with focus back on its Edit button.
    pub fn close(self, id: &str) {
        self.editing.set(None);
        focus_id(format!("edit-{id}"));
    }
}
