//! An assignment's own details: its title, word target and hand-in date, each changed in place
//! with any problem explained beside its field (and what was typed kept).

use leptos::prelude::*;

use crate::app::form::{Control, Field};
use crate::domain::assignment::Assignment;
use crate::domain::date::CalendarDate;

/// The title, word target and hand-in date of one assignment, folded away until wanted.
#[component]
pub fn AssignmentDetails(
    /// The assignments record.
    assignments: RwSignal<Vec<Assignment>>,
    /// Which assignment.
    id: String,
) -> impl IntoView {
    let current = assignments
        .with_untracked(|list| list.iter().find(|a| a.id == id).cloned())
        .expect("the editor checks the assignment exists first");
    let title = RwSignal::new(current.title.clone());
    let target = RwSignal::new(
        current
            .word_target
            .map(|t| t.to_string())
            .unwrap_or_default(),
    );
    let due = RwSignal::new(current.due.map(|d| d.to_string()).unwrap_or_default());
    let title_error = RwSignal::new(None::<String>);
    let target_error = RwSignal::new(None::<String>);
    let due_error = RwSignal::new(None::<String>);
    let status = RwSignal::new(String::new());

    let edit = move |id: &str, change: &mut dyn FnMut(&mut Assignment) -> Result<(), String>| {
        assignments
            .try_update(|list| match list.iter_mut().find(|a| a.id == id) {
                Some(a) => {
                    // Try on a copy so a refused change changes nothing.
                    let mut copy = a.clone();
                    change(&mut copy)?;
                    *a = copy;
                    Ok(())
                }
                None => Err("This assignment is no longer on this device.".to_string()),
            })
            .unwrap_or(Ok(()))
    };

    let id_title = id.clone();
    let on_title = move |()| match edit(&id_title, &mut |a| {
        a.rename(&title.get_untracked()).map_err(|e| e.to_string())
    }) {
        Ok(()) => {
            title_error.set(None);
            status.set("Title saved.".to_string());
        }
        Err(e) => title_error.set(Some(e)),
    };
    let id_target = id.clone();
    let on_target = move |()| {
        let typed = target.get_untracked();
        let typed = typed.trim().replace(',', "");
        let target = if typed.is_empty() {
            Ok(None)
        } else {
            typed.parse::<u32>().map(Some).map_err(|_| {
                "Please give the target as a whole number of words, such as 1500, or leave it \
                 empty."
                    .to_string()
            })
        };
        let result = target.and_then(|target| {
            edit(&id_target, &mut |a| {
                a.set_word_target(target).map_err(|e| e.to_string())
            })
        });
        match result {
            Ok(()) => {
                target_error.set(None);
                status.set("Word target saved.".to_string());
            }
            Err(e) => target_error.set(Some(e)),
        }
    };
    let id_due = id.clone();
    let on_due = move |()| {
        let typed = due.get_untracked();
        let due = if typed.trim().is_empty() {
            Ok(None)
        } else {
            typed.trim().parse::<CalendarDate>().map(Some).map_err(|_| {
                "Please choose a date from the calendar, or type it like 2026-12-04.".to_string()
            })
        };
        let result = due.and_then(|due| {
            edit(&id_due, &mut |a| {
                a.set_due(due);
                Ok(())
            })
        });
        match result {
            Ok(()) => {
                due_error.set(None);
                status.set("Hand-in date saved.".to_string());
            }
            Err(e) => due_error.set(Some(e)),
        }
    };

    view! {
        <details class="card assignment-details">
            <summary>"Title, word target and hand-in date"</summary>
            <Field
                id="assignment-title"
                label="Title"
                value=title
                error=title_error
                on_change=Callback::new(on_title)
            />
            <Field
                id="assignment-target"
                label="Word target"
                value=target
                control=Control::Number
                hint="Your course team's figure is the one to follow. Leave it empty for no target."
                error=target_error
                on_change=Callback::new(on_target)
            />
            <Field
                id="assignment-due"
                label="Hand-in date"
                value=due
                control=Control::Date
                error=due_error
                on_change=Callback::new(on_due)
            />
            <p class="status" role="status">{move || status.get()}</p>
        </details>
    }
}
