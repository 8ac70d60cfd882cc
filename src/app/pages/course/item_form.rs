//! The form for one of the trainee's own prep tasks: what to do, roughly how long, what kind.

use leptos::prelude::*;

use crate::app::form::{error_of, show_outcome, Control, Field, FormButtons};
use crate::app::records::UnsentForm;
use crate::domain::course::{ItemDraft, ItemErrors, TaskKind};

fn kind_value(kind: TaskKind) -> String {
    TaskKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(0)
        .to_string()
}

fn kind_from_value(value: &str) -> TaskKind {
    value
        .parse::<usize>()
        .ok()
        .and_then(|i| TaskKind::ALL.get(i).copied())
        .unwrap_or_default()
}

/// Add or edit one of the trainee's own tasks. Refused saves keep every field as typed and show
/// each problem beside its field.
#[component]
pub fn ItemForm(
    /// Prefix for the fields' ids, unique on the page.
    #[prop(into)]
    id_prefix: String,
    /// What the fields start with.
    initial: ItemDraft,
    /// The save button's words ("Add task", "Save task").
    submit_label: &'static str,
    /// Saves the draft; returns the problems if it was refused.
    on_save: Callback<ItemDraft, Result<(), ItemErrors>>,
    /// Shown as a "Cancel" button when given (for editing).
    #[prop(optional)]
    on_cancel: Option<Callback<()>>,
    /// Empty the fields after a successful save (for adding).
    #[prop(optional)]
    clear_after_save: bool,
) -> impl IntoView {
    // The item's words are kept as they are typed, so leaving the page never drops them.
    let unsent = UnsentForm::new(&id_prefix);
    let text = unsent.field("text", initial.text.clone());
    // Cancelling an edit lets its kept words go too.
    let on_cancel = unsent.clearing_on(on_cancel);
    let minutes = RwSignal::new(initial.minutes.clone());
    let kind = RwSignal::new(kind_value(initial.kind));
    let errors = RwSignal::new(ItemErrors::default());
    let form_id = format!("{id_prefix}-form");
    let focus_form = form_id.clone();
    let kinds: Vec<(String, String)> = TaskKind::ALL
        .iter()
        .map(|k| (kind_value(*k), k.label().to_string()))
        .collect();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = ItemDraft {
            text: text.get_untracked(),
            minutes: minutes.get_untracked(),
            kind: kind_from_value(&kind.get_untracked()),
        };
        if show_outcome(errors, on_save.run(draft), &focus_form) {
            unsent.clear();
            if clear_after_save {
                text.set(String::new());
                minutes.set(String::new());
            }
        }
    };

    view! {
        <form id=form_id class="item-form" on:submit=submit novalidate>
            <Field
                id=format!("{id_prefix}-text")
                label="Task"
                value=text
                error=error_of(errors, |e| e.text.as_ref())
            />
            <div class="field-row">
                <Field
                    id=format!("{id_prefix}-minutes")
                    label="Minutes (optional)"
                    value=minutes
                    hint="Such as 15, or 1h"
                    error=error_of(errors, |e| e.minutes.as_ref())
                />
                <Field
                    id=format!("{id_prefix}-kind")
                    label="Kind of task"
                    value=kind
                    control=Control::Select(Signal::stored(kinds))
                />
            </div>
            <FormButtons submit_label on_cancel/>
        </form>
    }
}
