//! The placement log, on the placement's page: add, edit and delete entries (date, hours or start
//! and end times, setting, what I observed, what I learned), with totals.

use leptos::prelude::*;

use super::edit_record;
use crate::app::clock::today;
use crate::app::form::{error_of, save_saying, Control, EditInPlace, EntryForm, Field, StatusLine};
use crate::app::records::use_record;
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
    let on_add = save_saying(
        status,
        move |draft: PlacementDraft| edit_record(log, |l| l.add(&draft)).map(drop),
        |e| match e {
            PlacementError::Invalid(problems) => Ok(problems),
            other => Err(other),
        },
        || "Added to your placement log.".to_string(),
    );

    view! {
        <section class="card" aria-labelledby="log-heading">
            <h2 id="log-heading" tabindex="-1">"Your placement log"</h2>
            <p class="placement-totals">
                <strong>"In all: "</strong>
                {totals}
            </p>
            <details class="add-entry" open=move || log.with_untracked(|l| l.entries.is_empty())>
                <summary>"Add placement time"</summary>
                <PlacementForm form=EntryForm::adding(
                    "new-placement",
                    PlacementDraft { date: today().to_string(), ..PlacementDraft::default() },
                    "Add to log",
                    on_add,
                )/>
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
        let on_save = save_saying(
            in_place.status,
            move |draft: PlacementDraft| edit_record(log, |l| l.update(&id.read_value(), &draft)),
            |e| match e {
                PlacementError::Invalid(problems) => Ok(problems),
                other => Err(other),
            },
            || "Changes saved.".to_string(),
        );
        let form = in_place.edit_form(id, initial, on_save);
        view! { <PlacementForm form/> }
    };

    in_place.entry(id, read_view, edit_view)
}

/// Add or edit a placement entry. A refused save keeps everything typed.
#[component]
fn PlacementForm(
    /// Its ids, what the fields start with, and what saving does.
    form: EntryForm<PlacementDraft, PlacementErrors>,
) -> impl IntoView {
    let initial = &form.initial;
    let date = RwSignal::new(initial.date.clone());
    let hours = RwSignal::new(initial.hours.clone());
    let start = RwSignal::new(initial.start.clone());
    let end = RwSignal::new(initial.end.clone());
    // The words are kept as they are typed, so leaving the page never drops them.
    let unsent = form.unsent();
    let setting = unsent.field("setting", initial.setting.clone());
    let observed = unsent.field("observed", initial.observed.clone());
    let learned = unsent.field("learned", initial.learned.clone());
    let errors = RwSignal::new(PlacementErrors::default());
    let read = move || PlacementDraft {
        date: date.get_untracked(),
        hours: hours.get_untracked(),
        start: start.get_untracked(),
        end: end.get_untracked(),
        setting: setting.get_untracked(),
        observed: observed.get_untracked(),
        learned: learned.get_untracked(),
    };
    // The date and setting stay: the next entry is often the same day or place.
    let clear = move || {
        for field in [hours, start, end, observed, learned] {
            field.set(String::new());
        }
    };
    let submit = form.submit(unsent, errors, read, clear);
    view! {
        <form id=form.form_id() class="placement-form" on:submit=submit novalidate>
            <div class="field-row">
                <Field
                    id=form.field_id("date")
                    label="Date"
                    value=date
                    control=Control::Date
                    error=error_of(errors, |e| e.date.as_ref())
                />
                <Field
                    id=form.field_id("hours")
                    label="Hours"
                    value=hours
                    input_mode="decimal"
                    hint="Such as 2.5, 2:30 or 150 min. Or leave it and give the times."
                    error=error_of(errors, |e| e.hours.as_ref())
                />
            </div>
            <div class="field-row">
                <Field
                    id=form.field_id("start")
                    label="Start time (optional)"
                    value=start
                    control=Control::Time
                    error=error_of(errors, |e| e.start.as_ref())
                />
                <Field
                    id=form.field_id("end")
                    label="End time (optional)"
                    value=end
                    control=Control::Time
                    error=error_of(errors, |e| e.end.as_ref())
                />
            </div>
            <Field
                id=form.field_id("setting")
                label="Setting"
                value=setting
                hint="The team, ward, group or organisation."
                error=error_of(errors, |e| e.setting.as_ref())
            />
            <Field
                id=form.field_id("observed")
                label="What I observed"
                value=observed
                control=Control::TextArea(4)
                error=error_of(errors, |e| e.observed.as_ref())
            />
            <Field
                id=form.field_id("learned")
                label="What I learned"
                value=learned
                control=Control::TextArea(4)
                error=error_of(errors, |e| e.learned.as_ref())
            />
            {form.buttons(unsent)}
        </form>
    }
}
