//! Adapting a module to the trainee's cohort: rename it, change what it covers, move it earlier or
//! later, or set it aside (kept whole, with ticks and notes, and put back from its page or the map).

use leptos::prelude::*;

use super::edit_record;
use crate::app::form::{error_of, focus_first_problem, focus_id, Control, Field, StatusLine};
use crate::app::page::Card;
use crate::app::records::{use_record, UnsentForm};
use crate::domain::course::{CourseEditError, ModuleDraft, ModuleErrors, PLACEMENT_ID};
use crate::storage::record_names::COURSE;

/// The "Change this module" section of a module's page.
#[component]
pub fn ModuleControls(
    /// The module's id.
    id: String,
    /// The page's status line, for setting aside.
    status: RwSignal<String>,
    /// Remembers where the module was when set aside.
    removed_at: StoredValue<Option<usize>>,
) -> impl IntoView {
    let course = use_record(COURSE);
    let is_placement = id == PLACEMENT_ID;
    let initial = course.with_untracked(|c| {
        c.module(&id)
            .map(ModuleDraft::from_module)
            .unwrap_or_default()
    });
    // Kept as typed, so leaving the page never drops an edit in progress.
    let unsent = UnsentForm::new(&format!("edit-module-{id}"));
    let title = unsent.field("title", initial.title);
    let summary = unsent.field("summary", initial.summary);
    let errors = RwSignal::new(ModuleErrors::default());
    let local_status = RwSignal::new(String::new());
    let id = StoredValue::new(id);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = ModuleDraft {
            title: title.get_untracked(),
            summary: summary.get_untracked(),
        };
        match edit_record(course, |c| c.update_module(&id.read_value(), &draft)) {
            Ok(()) => {
                errors.set(ModuleErrors::default());
                unsent.clear();
                local_status.set("Saved.".to_string());
            }
            Err(CourseEditError::Module(problems)) => {
                errors.set(problems);
                focus_first_problem("edit-module-form");
            }
            Err(other) => local_status.set(other.to_string()),
        }
    };

    let position =
        move || course.with(|c| c.position(&id.read_value()).map(|i| (i, c.modules.len())));
    let move_by = move |earlier: bool| {
        let Some((index, count)) = position() else {
            return;
        };
        if earlier && index == 0 {
            local_status.set("It's already the first module.".to_string());
            return;
        }
        if !earlier && index + 1 == count {
            local_status.set("It's already the last module.".to_string());
            return;
        }
        let moved = edit_record(course, |c| {
            if earlier {
                c.move_module_up(&id.read_value())
            } else {
                c.move_module_down(&id.read_value())
            }
        });
        if let Ok(now) = moved {
            local_status.set(format!(
                "Moved {}: it's now module {} of {count}.",
                if earlier { "earlier" } else { "later" },
                now + 1
            ));
        }
    };
    let set_aside = move |_| {
        let at = course.with_untracked(|c| c.position(&id.read_value()));
        if let Ok(()) = edit_record(course, |c| c.remove_module(&id.read_value())) {
            removed_at.set_value(at);
            status.set("Set aside. Its ticks and notes are kept.".to_string());
            focus_id("put-back-button");
        }
    };
    let at_start = move || position().is_some_and(|(i, _)| i == 0);
    let at_end = move || position().is_some_and(|(i, n)| i + 1 == n);

    view! {
        <Card heading_id="change-heading" title="Change this to fit your course">
            <details>
                <summary>"Rename or change what it covers"</summary>
                <ModuleForm
                    id_prefix="edit-module"
                    labels=("Title", "What it covers")
                    title
                    summary
                    errors
                    submit=save
                    submit_label="Save changes"
                />
            </details>
            {(!is_placement)
                .then(|| {
                    view! {
                        <div class="actions">
                            <button
                                type="button"
                                class="button quiet"
                                aria-disabled=move || at_start().then_some("true")
                                on:click=move |_| move_by(true)
                            >
                                "Move earlier"
                            </button>
                            <button
                                type="button"
                                class="button quiet"
                                aria-disabled=move || at_end().then_some("true")
                                on:click=move |_| move_by(false)
                            >
                                "Move later"
                            </button>
                        </div>
                        <p class="field-hint" id="set-aside-hint">
                            "Not part of your cohort's course? Set it aside: its ticks and notes are "
                            "kept, and you can put it back at any time."
                        </p>
                        <button
                            type="button"
                            class="button quiet"
                            aria-describedby="set-aside-hint"
                            on:click=set_aside
                        >
                            "Set this module aside"
                        </button>
                    }
                })}
            <StatusLine text=local_status/>
        </Card>
    }
}

/// The form with a module's title and summary, each with its problem beside it: the one that
/// adds a module and the one that changes it.
#[component]
pub fn ModuleForm(
    /// The form's id is `{id_prefix}-form`, its fields' `{id_prefix}-title` and
    /// `{id_prefix}-summary`.
    id_prefix: &'static str,
    /// The two labels: the title's, then the summary's.
    labels: (&'static str, &'static str),
    /// The title as typed.
    title: RwSignal<String>,
    /// The summary as typed.
    summary: RwSignal<String>,
    /// The form's problems.
    errors: RwSignal<ModuleErrors>,
    /// What the save button does.
    submit: impl Fn(leptos::ev::SubmitEvent) + 'static,
    /// The save button's words.
    submit_label: &'static str,
) -> impl IntoView {
    view! {
        <form id=format!("{id_prefix}-form") on:submit=submit novalidate>
            <Field
                id=format!("{id_prefix}-title")
                label=labels.0
                value=title
                error=error_of(errors, |e| e.title.as_ref())
            />
            <Field
                id=format!("{id_prefix}-summary")
                label=labels.1
                value=summary
                control=Control::TextArea(3)
                error=error_of(errors, |e| e.summary.as_ref())
            />
            <button type="submit" class="button primary">{submit_label}</button>
        </form>
    }
}
