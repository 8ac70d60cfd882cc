//! The form for one of the trainee's own prep tasks: what to do, roughly how long, what kind.

use leptos::prelude::*;

use crate::app::form::{error_of, Control, EntryForm, Field};
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
    /// Its ids, what the fields start with, and what saving does.
    form: EntryForm<ItemDraft, ItemErrors>,
) -> impl IntoView {
    // The item's words are kept as they are typed, so leaving the page never drops them.
    let unsent = form.unsent();
    let text = unsent.field("text", form.initial.text.clone());
    let minutes = RwSignal::new(form.initial.minutes.clone());
    let kind = RwSignal::new(kind_value(form.initial.kind));
    let errors = RwSignal::new(ItemErrors::default());
    let kinds: Vec<(String, String)> = TaskKind::ALL
        .iter()
        .map(|k| (kind_value(*k), k.label().to_string()))
        .collect();

    let read = move || ItemDraft {
        text: text.get_untracked(),
        minutes: minutes.get_untracked(),
        kind: kind_from_value(&kind.get_untracked()),
    };
    let clear = move || {
        text.set(String::new());
        minutes.set(String::new());
    };
    let submit = form.submit(unsent, errors, read, clear);

    view! {
        <form id=form.form_id() class="item-form" on:submit=submit novalidate>
            <Field
                id=form.field_id("text")
                label="Task"
                value=text
                error=error_of(errors, |e| e.text.as_ref())
            />
            <div class="field-row">
                <Field
                    id=form.field_id("minutes")
                    label="Minutes (optional)"
                    value=minutes
                    hint="Such as 15, or 1h"
                    error=error_of(errors, |e| e.minutes.as_ref())
                />
                <Field
                    id=form.field_id("kind")
                    label="Kind of task"
                    value=kind
                    control=Control::Select(Signal::stored(kinds))
                />
            </div>
            {form.buttons(unsent)}
        </form>
    }
}
