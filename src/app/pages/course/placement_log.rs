//! The placement log, on the placement's page: add, edit and delete entries (date, hours or start
//! and end times, setting, what I observed, what I learned), with totals.

use leptos::prelude::*;

use super::edit_record;
use crate::app::clock::today;
use crate::app::form::{
    error_of, show_outcome, Control, EditInPlace, Field, FormButtons, StatusLine,
};
use crate::app::records::{use_record, UnsentForm};
use crate::domain::field_error::minutes_in_words;
use crate::domain::placement::{PlacementDraft, PlacementEntry, PlacementError, PlacementErrors};
use crate::storage::record_names::PLACEMENT;

/// The log as a section of the placement page.
#[component]
pub fn PlacementLogSection() -> impl IntoView {
    let log = use_record(PLACEMENT);
    let status = RwSignal::new(String::new());
    let totals = move || log.with(|l| l.totals().label());
    let ids = Memo::new(move |_| {
        log.with(|l| {
            l.newest_first()
                .into_iter()
                .map(|e| e.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let in_place = EditInPlace::new(status);

    view! {
        <section class="card" aria-labelledby="log-heading">
            <h2 id="log-heading" tabindex="-1">"Your placement log"</h2>
            <p class="placement-totals">
                <strong>"In all: "</strong>
                {totals}
            </p>
            <details class="add-entry" open=move || log.with_untracked(|l| l.entries.is_empty())>
                <summary>"Add placement time"</summary>
                <PlacementForm
                    id_prefix="new-placement"
                    initial=PlacementDraft { date: today().to_string(), ..PlacementDraft::default() }
                    submit_label="Add to log"
                    clear_after_save=true
                    on_save=Callback::new(move |draft: PlacementDraft| {
                        match edit_record(log, |l| l.add(&draft)) {
                            Err(PlacementError::Invalid(errors)) => Err(errors),
                            Err(other) => {
                                status.set(other.to_string());
                                Ok(())
                            }
                            Ok(_) => {
                                status.set("Added to your placement log.".to_string());
                                Ok(())
                            }
                        }
                    })
                />
            </details>
            <StatusLine text=status/>
            <ul class="placement-list">
                <For
                    each=move || ids.get()
                    key=|id| id.clone()
                    children=move |id| view! { <PlacementItem id in_place/> }
                />
            </ul>
        </section>
    }
}

/// One entry: read, edit in place, or delete after a second press.
#[component]
fn PlacementItem(
    /// The entry's id.
    id: String,
    /// Which entry is being edited or asking "delete for good?", and the log's status line.
    in_place: EditInPlace,
) -> impl IntoView {
    let log = use_record(PLACEMENT);
    let id = StoredValue::new(id);
    let entry: Memo<Option<PlacementEntry>> =
        Memo::new(move |_| log.with(|l| l.entry(&id.read_value()).cloned()));
    let field = move |pick: fn(&PlacementEntry) -> String| {
        move || entry.with(|e| e.as_ref().map(pick).unwrap_or_default())
    };
    let time = field(|e| {
        let mut words = minutes_in_words(e.minutes);
        if let (Some(start), Some(end)) = (e.start, e.end) {
            words.push_str(&format!(", {start} to {end}"));
        }
        words
    });

    let read_view = move || {
        let heading_id = format!("{}-heading", id.read_value());
        let labelled_by = heading_id.clone();
        view! {
            <article class="placement-entry" aria-labelledby=labelled_by>
                <h3 id=heading_id>
                    {field(|e| e.date.display_short())}
                    " · "
                    {field(|e| e.setting.clone())}
                </h3>
                <p>{time}</p>
                <Show when=move || entry.with(|e| e.as_ref().is_some_and(|e| !e.observed.trim().is_empty()))>
                    <p class="reflection-label">"What I observed"</p>
                    <p class="journal-body">{field(|e| e.observed.clone())}</p>
                </Show>
                <Show when=move || entry.with(|e| e.as_ref().is_some_and(|e| !e.learned.trim().is_empty()))>
                    <p class="reflection-label">"What I learned"</p>
                    <p class="journal-body">{field(|e| e.learned.clone())}</p>
                </Show>
                {in_place
                    .entry_actions(
                        id,
                        "date",
                        move |id| log.update(|l| {
                            l.remove(id);
                        }),
                        "log-heading",
                    )}
            </article>
        }
    };

    let edit_view = move || {
        let initial = entry
            .with_untracked(|e| e.as_ref().map(PlacementDraft::from_entry))
            .unwrap_or_default();
        view! {
            <PlacementForm
                id_prefix=format!("{}-form", id.read_value())
                initial
                submit_label="Save changes"
                on_save=in_place.on_save(
                    id,
                    move |id, draft: PlacementDraft| edit_record(log, |l| l.update(id, &draft)),
                    |e| match e {
                        PlacementError::Invalid(problems) => Ok(problems),
                        other => Err(other),
                    },
                    || "Changes saved.".to_string(),
                )
                on_cancel=in_place.on_cancel(id)
            />
        }
    };

    in_place.entry(id, read_view, edit_view)
}

/// Add or edit a placement entry. A refused save keeps everything typed.
#[component]
fn PlacementForm(
    /// Prefix for the fields' ids, unique on the page.
    #[prop(into)]
    id_prefix: String,
    /// What the fields start with.
    initial: PlacementDraft,
    /// The save button's words.
    submit_label: &'static str,
    /// Saves the draft; returns the problems if it was refused.
    on_save: Callback<PlacementDraft, Result<(), PlacementErrors>>,
    /// Shown as a "Cancel" button when given (for editing).
    #[prop(optional)]
    on_cancel: Option<Callback<()>>,
    /// Empty the fields after a successful save (for adding).
    #[prop(optional)]
    clear_after_save: bool,
) -> impl IntoView {
    let date = RwSignal::new(initial.date);
    let hours = RwSignal::new(initial.hours);
    let start = RwSignal::new(initial.start);
    let end = RwSignal::new(initial.end);
    // The words are kept as they are typed, so leaving the page never drops them.
    let unsent = UnsentForm::new(&id_prefix);
    let setting = unsent.field("setting", initial.setting);
    let observed = unsent.field("observed", initial.observed);
    let learned = unsent.field("learned", initial.learned);
    // Cancelling an edit lets its kept words go too.
    let on_cancel = unsent.clearing_on(on_cancel);
    let errors = RwSignal::new(PlacementErrors::default());
    let form_id = id_prefix.clone();
    let focus_form = form_id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = PlacementDraft {
            date: date.get_untracked(),
            hours: hours.get_untracked(),
            start: start.get_untracked(),
            end: end.get_untracked(),
            setting: setting.get_untracked(),
            observed: observed.get_untracked(),
            learned: learned.get_untracked(),
        };
        if show_outcome(errors, on_save.run(draft), &focus_form) {
            unsent.clear();
            if clear_after_save {
                for field in [hours, start, end, observed, learned] {
                    field.set(String::new());
                }
            }
        }
    };
    view! {
        <form id=form_id class="placement-form" on:submit=submit novalidate>
            <div class="field-row">
                <Field
                    id=format!("{id_prefix}-date")
                    label="Date"
                    value=date
                    control=Control::Date
                    error=error_of(errors, |e| e.date.as_ref())
                />
                <Field
                    id=format!("{id_prefix}-hours")
                    label="Hours"
                    value=hours
                    input_mode="decimal"
                    hint="Such as 2.5, 2:30 or 150 min. Or leave it and give the times."
                    error=error_of(errors, |e| e.hours.as_ref())
                />
            </div>
            <div class="field-row">
                <Field
                    id=format!("{id_prefix}-start")
                    label="Start time (optional)"
                    value=start
                    control=Control::Time
                    error=error_of(errors, |e| e.start.as_ref())
                />
                <Field
                    id=format!("{id_prefix}-end")
                    label="End time (optional)"
                    value=end
                    control=Control::Time
                    error=error_of(errors, |e| e.end.as_ref())
                />
            </div>
            <Field
                id=format!("{id_prefix}-setting")
                label="Setting"
                value=setting
                hint="The team, ward, group or organisation."
                error=error_of(errors, |e| e.setting.as_ref())
            />
            <Field
                id=format!("{id_prefix}-observed")
                label="What I observed"
                value=observed
                control=Control::TextArea(4)
                error=error_of(errors, |e| e.observed.as_ref())
            />
            <Field
                id=format!("{id_prefix}-learned")
                label="What I learned"
                value=learned
                control=Control::TextArea(4)
                error=error_of(errors, |e| e.learned.as_ref())
            />
            <FormButtons submit_label on_cancel/>
        </form>
    }
}
