//! The module page's prep checklist: the same list as home's (see `checklist.rs`), plus editing
//! the trainee's own tasks in place, removing them (after asking), and a form to add one. Only
//! the module page uses it, so in a split build all of this stays in the course area's piece.

use leptos::prelude::*;

use super::checklist::{checklist_list, ChecklistState, TaskRow, TaskTick};
use super::edit_record;
use super::item_form::ItemForm;
use crate::app::form::{save_saying, EditInPlace, EntryForm, InPlaceActions, REMOVE_TASK};
use crate::domain::course::{ChecklistItem, CourseEditError, ItemDraft, ItemErrors};

/// A module's prep checklist with its own tasks editable, and "Add a task of your own" below.
#[component]
pub fn EditableChecklist(
    /// The module (or placement) whose tasks to list.
    #[prop(into)]
    module_id: String,
) -> impl IntoView {
    let state = ChecklistState::new(&module_id);
    // Which own task has its form open or is asking "remove?": one at a time in the whole list.
    let in_place = EditInPlace::new(state.status);
    let below = view! { <AddTask module_id=module_id.clone() state/> };
    checklist_list(
        module_id,
        state,
        move |row| view! { <EditableRow row in_place/> },
        below,
    )
}

/// One task: its checkbox (with Edit and Remove if it is the trainee's own), or its edit form
/// while being edited.
#[component]
fn EditableRow(
    /// The task.
    row: TaskRow,
    /// Which task is being edited or asking, shared by the whole list.
    in_place: EditInPlace,
) -> impl IntoView {
    let TaskRow { item, id, state } = row;
    let own = item.with_untracked(|i| i.as_ref().is_some_and(|i| i.own));
    let is_editing = move || {
        in_place
            .editing
            .with(|e| e.as_deref() == Some(id.read_value().as_str()))
    };
    view! {
        <Show
            when=is_editing
            fallback=move || {
                view! {
                    <TaskTick row/>
                    {own.then(|| view! { <OwnTaskActions id=id.get_value() state in_place/> })}
                }
            }
        >
            <EditTask item id=id.get_value() state in_place/>
        </Show>
    }
}

/// Edit and remove buttons for one of the trainee's own tasks; removing asks first.
#[component]
fn OwnTaskActions(
    /// The task's id.
    id: String,
    /// Shared checklist state.
    state: ChecklistState,
    /// Which task is being edited or asking.
    in_place: EditInPlace,
) -> impl IntoView {
    let actions = InPlaceActions {
        words: REMOVE_TASK,
        removed: "Task removed.",
        first_field: |id: &str| format!("edit-task-{id}-text"),
        then: move || state.list_id.get_value(),
    };
    in_place.item_actions(StoredValue::new(id), actions, move |id| {
        state.course.update(|c| {
            let _ = c.remove_own_item(id);
        })
    })
}

/// The problems with what was typed in a task's form, if that is why it was not saved.
fn task_problems(error: CourseEditError) -> Result<ItemErrors, CourseEditError> {
    match error {
        CourseEditError::Item(problems) => Ok(problems),
        other => Err(other),
    }
}

/// The edit form in place of a task; saving or cancelling returns focus to its Edit button.
#[component]
fn EditTask(
    /// The task as it is now.
    item: Memo<Option<ChecklistItem>>,
    /// Its id.
    id: String,
    /// Shared checklist state.
    state: ChecklistState,
    /// Which task is being edited or asking.
    in_place: EditInPlace,
) -> impl IntoView {
    let initial = item
        .with_untracked(|i| i.as_ref().map(ItemDraft::from_item))
        .unwrap_or_default();
    let id = StoredValue::new(id);
    let on_save = save_saying(
        state.status,
        move |draft: ItemDraft| {
            edit_record(state.course, |c| {
                c.update_own_item(&id.read_value(), &draft)
            })
        },
        task_problems,
        || "Task saved.".to_string(),
    );
    let form = in_place.edit_form(id, initial, on_save);
    // A task's fields have their own ids, which Edit sends focus to (see `OwnTaskActions`).
    let form = EntryForm {
        id_prefix: format!("edit-task-{}", id.read_value()),
        submit_label: "Save task",
        ..form
    };
    view! { <ItemForm form/> }
}

/// "Add a task of your own", folded away until wanted.
#[component]
fn AddTask(
    /// The module to add to.
    module_id: String,
    /// Shared checklist state.
    state: ChecklistState,
) -> impl IntoView {
    let prefix = format!("add-task-{module_id}");
    let module_id = StoredValue::new(module_id);
    let on_add = save_saying(
        state.status,
        move |draft: ItemDraft| {
            edit_record(state.course, |c| {
                c.add_own_item(&module_id.read_value(), &draft)
            })
            .map(drop)
        },
        task_problems,
        || "Task added to your checklist.".to_string(),
    );
    view! {
        <details class="add-task">
            <summary>"Add a task of your own"</summary>
            <ItemForm form=EntryForm::adding(prefix, ItemDraft::default(), "Add task", on_add)/>
        </details>
    }
}
