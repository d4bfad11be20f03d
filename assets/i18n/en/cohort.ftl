## hotseat cohort and the cohort screen
cohort-missing = cannot read { $path }: { $error }
cohort-not-bundle = { $path } is not a bundle or a folder of bundles (a bundle is a folder of .session files made by `hotseat export ID --bundle DIR`)
cohort-no-sessions = no sessions found in { $path } (nor in its sub-folders)
cohort-cut = { $path } has more than { $n } entries; the rest are left out
cohort-damaged = { $n ->
    [one] 1 damaged session counted; its figures are partial or missing
   *[other] { $n } damaged sessions counted; their figures are partial or missing
}
cohort-title = Cohort
cohort-headline = { $candidates ->
    [one] 1 candidate
   *[other] { $candidates } candidates
}, { $sessions ->
    [one] 1 session
   *[other] { $sessions } sessions
}
cohort-headline-damaged = ({ $n } damaged)
cohort-heading-falls = Falls per trap and candidate
cohort-heading-frequency = Trap frequency across the cohort
cohort-heading-questions = Time per question
cohort-heading-endings = Where candidates end
cohort-col-trap = Trap
cohort-col-candidates = Candidates
cohort-col-occurrences = Occurrences
cohort-col-sessions = Sessions
cohort-col-scenario = Scenario
cohort-col-question = Question
cohort-col-answered = Answered
cohort-col-median = Median
cohort-col-max = Max
cohort-col-limit = Limit
cohort-col-over = Over time
cohort-col-ending = Ending
cohort-col-end-node = End node
cohort-col-outcome = Capped at
cohort-col-verdict = Verdict
cohort-ending-completed = completed
cohort-ending-session-timeout = session time up
cohort-ending-quit = quit
cohort-ending-in-progress = unfinished
cohort-view-title = Cohort: { $candidates ->
    [one] 1 candidate
   *[other] { $candidates } candidates
}, { $sessions ->
    [one] 1 session
   *[other] { $sessions } sessions
}
cohort-view-trap-line = Fell: { $fell }/{ $candidates } candidates, { $occurrences } times in all
cohort-view-cell-line = { $candidate }: { $n ->
    [0] never fell into it
    [one] fell into it once
   *[other] fell into it { $n } times
}
cohort-no-traps = Nobody in this cohort fell into a trap.
cohort-no-quotes = No answers fell into this trap.
cohort-key-answers = answers
cohort-key-move = move
cohort-key-help = help
cohort-key-back = back
cohort-key-replay = replay
cohort-help-title = Keys
cohort-help-move = Move between traps (rows) and candidates (columns), or between answers
cohort-help-jump = Jump a page, to the first or to the last
cohort-help-answers = On the table: the answers that fell into the selected trap
cohort-help-replay = On an answer: replay that session, stopped just before the answer was submitted; leaving the replay comes back here
cohort-help-back = Back to the table; on the table, quit
cohort-help-help = Show or hide these keys
cohort-replay-before = { $candidate } at { $node }: just before the answer was submitted (Space plays)
cohort-replay-failed = Cannot replay { $id }: { $error }
