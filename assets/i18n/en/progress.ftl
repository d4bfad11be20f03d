## hotseat progress and the progress screen
progress-title = Progress
progress-summary = { $n ->
    [one] 1 session, on { $first }
   *[other] { $n } sessions, from { $first } to { $last }
}
progress-summary-none = No sessions read
progress-filter-scenario = {" "}· scenario { $id }
progress-filter-since = {" "}· since { $since }
progress-h-next = Practise next
progress-h-traps = Traps
progress-h-competencies = Competencies
progress-h-scenarios = Verdicts per scenario
progress-h-timing = Time per question
progress-next-no-sessions = No recorded sessions yet. Play an interview (run `hotseat` and pick a scenario); every session you finish shows up here.
progress-next-none-match = No recorded session matches the filter.
progress-next-no-traps = You fell into no trap in these sessions. Try a harder scenario, or a faster pace.
progress-next-all-receded = Every trap you fell into has receded (answered cleanly in { $n } sessions in a row). Try a new scenario, or run `hotseat drill` to keep them fresh.
progress-next-trap = “{ $title }”: fallen into { $falls ->
    [one] once
   *[other] { $falls } times
} in { $sessions ->
    [one] 1 session
   *[other] { $sessions } sessions
}, last on { $last }, at { $places }. Drill it with:
progress-traps-clean = { $n ->
    [one] 1 more trap came up and you never fell into it.
   *[other] { $n } more traps came up and you never fell into them.
}
progress-col-trap = Trap
progress-col-falls = Falls
progress-col-sessions = Sessions
progress-col-last-fallen = Last fallen
progress-col-last-seen = Last seen
progress-col-trend = Trend
progress-col-state = Clean for
progress-col-competency = Competency
progress-col-scores = Scores
progress-col-latest = Latest
progress-col-best = Best
progress-col-mean = Mean
progress-col-scenario = Scenario
progress-col-last-played = Played
progress-col-question = Question
progress-col-asked = Asked
progress-col-mean-time = Mean
progress-col-max-time = Max
progress-col-limit = Limit
progress-col-over = Over
progress-col-timed-out = Timed out
progress-trend-better = better
progress-trend-worse = worse
progress-trend-steady = steady
progress-trend-new = new
progress-receded = receded
progress-clean-streak = { $n ->
    [one] 1 session
   *[other] { $n } sessions
    }
progress-drills = { $n ->
    [one] 1 drill (practice: no verdict)
   *[other] { $n } drills (practice: no verdict)
}
progress-note-damaged = { $n ->
    [one] 1 session without a summary (damaged or too large) is left out.
   *[other] { $n } sessions without a summary (damaged or too large) are left out.
}
progress-note-live = { $n ->
    [one] 1 session being recorded now is left out.
   *[other] { $n } sessions being recorded now are left out.
}
progress-note-unindexed = { $n ->
    [one] 1 session is not indexed yet: `hotseat progress` indexes it.
   *[other] { $n } sessions are not indexed yet: `hotseat progress` indexes them all.
}
progress-bad-since = --since { $value } is not a date: write YYYY-MM-DD, or an RFC 3339 time such as 2026-11-23T09:00:00+08:00
progress-keys-scroll = scroll
progress-keys-back = back
key-progress = progress
help-progress = Your progress: traps, scores and what to practise next
progress-place = { $scenario }: { $prompts }
progress-place-prompt = “{ $prompt }”
