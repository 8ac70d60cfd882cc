//! The cohort's dates: when the course starts and which weekday it runs on, the classroom days
//! worked out from that with their modules, and changing any one date or letting everything from
//! a day slip a week. Dates live apart from ticks and notes, so no change here can touch those.

use leptos::prelude::*;

use super::{edit_record, AddToCalendar, BackToCourse, PlacementDatesForm};
use crate::app::form::{error_of, focus_first_problem, focus_id, Control, Field, StatusLine};
use crate::app::page::Page;
use crate::app::records::use_record;
use crate::domain::date::Weekday;
use crate::domain::schedule::{MoveDayError, Schedule, ScheduleDraft, ScheduleErrors, Session};
use crate::storage::record_names::{COURSE, SCHEDULE};

fn weekday_value(day: Weekday) -> String {
    day.index_from_monday().to_string()
}

fn weekday_from_value(value: &str) -> Option<Weekday> {
    value
        .parse::<usize>()
        .ok()
        .and_then(|i| Weekday::ALL.get(i).copied())
}

fn days_words(dropped: &[u32]) -> String {
    match dropped {
        [] => String::new(),
        [one] => format!(
            " Day {one} had been moved to a date that no longer fits, so it's back on the weekly \
             pattern."
        ),
        many => format!(
            " Days {} had been moved to dates that no longer fit, so they're back on the weekly \
             pattern.",
            many.iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The course dates page.
#[component]
pub fn SchedulePage() -> impl IntoView {
    let course = use_record(COURSE);
    let schedule = use_record(SCHEDULE);
    let existing = schedule.get_untracked();
    let start = RwSignal::new(
        existing
            .as_ref()
            .map(|s| s.start.to_string())
            .unwrap_or_default(),
    );
    let weekday = RwSignal::new(
        existing
            .as_ref()
            .map(|s| weekday_value(s.weekday))
            .unwrap_or_default(),
    );
    let days = RwSignal::new(
        existing
            .as_ref()
            .map(|s| s.day_count.to_string())
            .unwrap_or_else(|| "10".to_string()),
    );
    let errors = RwSignal::new(ScheduleErrors::default());
    let status = RwSignal::new(String::new());
    let mut weekday_options = vec![(String::new(), "The same day as the start date".to_string())];
    weekday_options.extend(
        Weekday::ALL
            .iter()
            .map(|d| (weekday_value(*d), d.name().to_string())),
    );

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = ScheduleDraft {
            start: start.get_untracked(),
            weekday: weekday_from_value(&weekday.get_untracked()),
            days: days.get_untracked(),
        };
        match draft.validate() {
            Ok(fresh) => {
                errors.set(ScheduleErrors::default());
                let course_now = course.get_untracked();
                let mut dropped = Vec::new();
                schedule.update(|s| match s {
                    // Keep the days already moved where they still fit.
                    Some(existing) => {
                        existing.day_count = fresh.day_count;
                        dropped = existing.set_start(&course_now, fresh.start, fresh.weekday);
                    }
                    None => *s = Some(fresh),
                });
                let summary = schedule.with_untracked(|s| {
                    s.as_ref().map(|s| {
                        format!(
                            "Your dates are saved: {} classroom days on {}s, from {}.",
                            s.day_total(&course_now),
                            s.weekday.name(),
                            s.dates(1)[0].display_short()
                        )
                    })
                });
                status.set(format!(
                    "{}{}",
                    summary.unwrap_or_default(),
                    days_words(&dropped)
                ));
            }
            Err(problems) => {
                errors.set(problems);
                focus_first_problem("schedule-form");
            }
        }
    };

    let numbers = Memo::new(move |_| {
        schedule.with(|s| {
            s.as_ref()
                .map(|s| course.with(|c| (1..=s.day_total(c)).collect::<Vec<u32>>()))
                .unwrap_or_default()
        })
    });

    view! {
        <Page title="Your course dates">
            <BackToCourse/>
            <p class="lead">
                "Set the date your course starts and the day of the week it runs, and your "
                "classroom days are worked out for you. If a session moves, change just that "
                "date. Your ticks and notes are never affected."
            </p>
            <form id="schedule-form" class="card" on:submit=submit novalidate>
                <Field
                    id="schedule-start"
                    label="Course start date"
                    value=start
                    control=Control::Date
                    error=error_of(errors, |e| e.start.as_ref())
                />
                <Field
                    id="schedule-weekday"
                    label="Day of the week for sessions"
                    value=weekday
                    control=Control::Select(Signal::stored(weekday_options))
                />
                <Field
                    id="schedule-days"
                    label="Number of classroom days"
                    value=days
                    control=Control::Number
                    hint="Most courses have 10."
                    error=error_of(errors, |e| e.days.as_ref())
                />
                <button type="submit" class="button primary">
                    {move || if schedule.with(Option::is_some) { "Save dates" } else { "Set up my dates" }}
                </button>
                <StatusLine text=status/>
            </form>
            <Show when=move || !numbers.with(Vec::is_empty)>
                <section aria-labelledby="days-heading">
                    <h2 id="days-heading">"Your classroom days"</h2>
                    <ol class="day-list">
                        <For
                            each=move || numbers.get()
                            key=|n| *n
                            children=|number| view! { <DayRow number/> }
                        />
                    </ol>
                </section>
            </Show>
            <AddToCalendar/>
            <PlacementDatesForm/>
        </Page>
    }
}

/// One classroom day: its date and modules, and ways to change the date.
#[component]
fn DayRow(
    /// 1 for the first day.
    number: u32,
) -> impl IntoView {
    let course = use_record(COURSE);
    let schedule = use_record(SCHEDULE);
    let session: Memo<Option<Session>> = Memo::new(move |_| {
        schedule.with(|s| {
            let s = s.as_ref()?;
            course.with(|c| s.sessions(c).into_iter().find(|d| d.number == number))
        })
    });
    let date_text =
        move || session.with(|s| s.as_ref().map(|s| s.date.to_string()).unwrap_or_default());
    let new_date = RwSignal::new(untrack(date_text));
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(String::new());
    let modules = move || {
        session.with(|s| {
            let ids = s.as_ref().map(|s| s.module_ids.clone()).unwrap_or_default();
            if ids.is_empty() {
                return "No modules on this day.".to_string();
            }
            course.with(|c| {
                ids.iter()
                    .filter_map(|id| c.module(id).map(|m| m.title.clone()))
                    .collect::<Vec<_>>()
                    .join("; ")
            })
        })
    };
    let is_moved = move || session.with(|s| s.as_ref().is_some_and(|s| s.moved));
    let form_id = format!("day-{number}-form");
    let focus_form = form_id.clone();

    let move_day = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let course_now = course.get_untracked();
        let text = new_date.get_untracked();
        let result = change_day(schedule, |s| s.move_day_to_text(&course_now, number, &text));
        match result {
            Some(Ok(())) => {
                error.set(None);
                status.set(format!("Day {number} is now on {}.", session_date(session)));
            }
            Some(Err(problem)) => {
                error.set(Some(problem.to_string()));
                focus_first_problem(focus_form.clone());
            }
            None => {}
        }
    };
    let slip = move |_| {
        let course_now = course.get_untracked();
        let result = change_day(schedule, |s| s.shift_from(&course_now, number, 7));
        match result {
            Some(Ok(())) => {
                error.set(None);
                new_date.set(date_text());
                status.set(format!(
                    "Day {number} and every day after it are now a week later. Day {number} is on {}.",
                    session_date(session)
                ));
            }
            Some(Err(problem)) => status.set(problem.to_string()),
            None => {}
        }
    };
    let reset = move |_| {
        let course_now = course.get_untracked();
        let result = change_day(schedule, |s| s.reset_day(&course_now, number));
        match result {
            Some(Ok(())) => {
                error.set(None);
                new_date.set(date_text());
                status.set(format!(
                    "Day {number} is back on {}.",
                    session_date(session)
                ));
                // The button just pressed has gone; the date field is the natural next place.
                focus_id(format!("day-{number}-date"));
            }
            Some(Err(problem)) => status.set(problem.to_string()),
            None => {}
        }
    };

    view! {
        <li class="day-row">
            <p class="day-title">
                <strong>{format!("Day {number}")}</strong>
                " · "
                {move || session_date(session)}
                <Show when=is_moved>
                    <span class="badge">"moved"</span>
                </Show>
            </p>
            <p class="day-modules">{modules}</p>
            <details>
                <summary>{format!("Change the date of day {number}")}</summary>
                <form id=form_id on:submit=move_day novalidate>
                    <Field
                        id=format!("day-{number}-date")
                        label=format!("New date for day {number}")
                        value=new_date
                        control=Control::Date
                        error=error
                    />
                    <button type="submit" class="button primary">{format!("Move day {number}")}</button>
                </form>
                <div class="actions">
                    <button type="button" class="button quiet" on:click=slip>
                        {format!("Day {number} and every day after it slip a week")}
                    </button>
                    <Show when=is_moved>
                        <button type="button" class="button quiet" on:click=reset>
                            "Back to the weekly pattern"
                        </button>
                    </Show>
                </div>
            </details>
            <StatusLine text=status/>
        </li>
    }
}

/// A change to one day of the schedule, kept only if it was made. `None` when there are no dates.
fn change_day(
    schedule: RwSignal<Option<Schedule>>,
    change: impl FnOnce(&mut Schedule) -> Result<(), MoveDayError>,
) -> Option<Result<(), MoveDayError>> {
    schedule.with_untracked(Option::is_some).then(|| {
        edit_record(schedule, |s| {
            change(s.as_mut().expect("checked just above"))
        })
    })
}

fn session_date(session: Memo<Option<Session>>) -> String {
    session.with(|s| {
        s.as_ref()
            .map(|s| s.date.display_short())
            .unwrap_or_default()
    })
}
