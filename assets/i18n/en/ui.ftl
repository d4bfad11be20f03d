# hotseat's English messages. One message per thing said; variables in
# braces. docs/translating.md explains the format and how to add a language.

count-traps = { $n ->
    [one] { $n } trap
   *[other] { $n } traps
}

## Keys in footers: what a key does.
key-start-clock = start the clock
key-back = back
key-help = help
key-quit = quit
key-resume = resume
key-debrief = debrief
key-move = move
key-start = start
key-filter = filter
key-pace = pace
key-language = 中文
key-done = done
key-clear = clear

## The ready screen.
ready-title = Ready?
ready-interviewer = Your interviewer: { $name }, { $role }
ready-about = About { $questions } questions · { $minutes } minutes · pace { $pace }
ready-first-limit = { $limit } for the first question
ready-no-limits = no time limits
ready-session-limit = the interview stops at { $minutes } minutes

ready-press-enter = Press Enter when you are ready: the clock starts at once.

## Paused.
paused-title = Paused
paused-body = The clock is stopped and the question is hidden.
paused-left = { $time } left on this question
paused-untimed = untimed
paused-over = over time

## The interviewer's closing words.
ending-timeout = Time's up: the interview is over
ending-early = The interviewer ends it here
ending-over = The interview is over

## Frames shared by every screen.
too-small = Terminal too small: need { $need }, have { $have }
header-questions = { $n ->
    [one] { $n } question
   *[other] { $n } questions
}
header-progress = Q { $k } of ~{ $n }
quit-title = Quit?
quit-running = End this interview now? You will see the summary of your answers so far.
quit-app = Quit hotseat?
quit-yes = quit
quit-unkept = This session was not recorded: leaving loses its debrief.
quit-save = save it
quit-no = keep going

## The hot seat: panel titles, the timer, the answer boxes.
session-prompt = Prompt
session-prompt-more = Prompt · Alt-PgDn for more
session-timer = Timer
session-notes = Notes
session-untimed = untimed · { $time }
timer-stopped = STOPPED
timer-over = OVER
timer-low = LOW
timer-half = HALF
timer-ok = OK
timer-wrapping-up = session time up: last question
timer-session-left = session { $time } left
count-words = { $n ->
    [one] { $n } word
   *[other] { $n } words
}
count-chars = { $n } 字
answer-full = full: an answer holds { $kb } KB, the rest was not added
answer-pick = Answer: pick one (1-9, Enter)
answer-number = Answer: a number
answer-number-unit = Answer: a number ({ $unit })
answer-number-hint = e.g. 1,200 · 12% · ¥1.2M · 120万 · Enter submits
answer-text = Answer · { $length }
answer-spoken = Say it, or jot it · { $length }
answer-spoken-hint = Once done, press Ctrl-S: you will then tick the talking points you covered.
answer-which-covered = Which of these did you cover? { $done }/{ $total } (need { $pass })
answer-jotted = What you jotted · { $length } · final
answer-points = Points { $done }/{ $total } (need { $pass })
key-tick = tick
key-confirm = confirm
key-confirm-points = confirm points
key-pick = pick
key-submit = submit
key-pause = pause
key-notes = notes
key-focus = focus
key-done-then-tick = done, then tick points
key-traps-broken = traps.ron has errors

## Replay: the keys line and what happened.
replay-note = note:
replay-note-keys = (Enter saves, Esc cancels)
replay-key-play = play/pause
replay-key-speed = speed
replay-key-seek = 5 s
replay-key-seek-far = 30 s
replay-key-question = question
replay-key-trap = trap
replay-key-idle = idle
replay-key-note = note
replay-idle = idle≤2s
replay-saved = Annotation saved
replay-not-saved = Could not save the annotation: { $error }

replay-no-more-traps = No trap after this point.

replay-trap = Trap ahead at { $node }: { $titles }

## Messages in the status line.
status-not-recording = Not recording: { $error }
status-lang-not-kept = Cannot remember the language: { $error }
status-nothing-to-save = Nothing to save yet
status-no-data-dir = No data directory: set HOTSEAT_DATA_DIR
status-saved = Saved { $path }
status-not-saved = Could not save: { $error }
status-not-watching = Not watching the scenario folders ({ $error }); looking for changes every { $secs } s
picker-cannot-start = { $id } cannot start: { $problem }

## Reading a typed number: what is wrong with it.
number-empty = type a number
number-invalid = not a number: try 1,200 or 12% or ¥1.2M or 120万
number-grouping = { $typed }: group digits in threes ({ $grouped }) or not at all ({ $plain })
number-unit-plain = not sure what "{ $found }" means here: answer with a plain number
number-unit = not sure what "{ $found }" means here: answer in { $unit }

## Said above a question the session moved on to by itself.
moved-on-timeout = Time's up on that question: the interviewer moves on.
moved-on-session = The session's time is up: the interviewer asks one last question.

## The picker.
picker-title = pick an interview
picker-pace = pace:{ " " }
picker-filter-hint = / to filter
picker-scenarios = Scenarios ({ $n })
picker-col-scenario = Scenario
picker-col-company = Company
picker-col-lang = Lang
picker-col-min = Min
picker-col-nodes = Nodes
picker-about = About
picker-with = with { $name }, { $role }
picker-tests = Tests: { $skills }

## The help overlay: section headings and what each key does.
help-answering = Answering
help-submit = submit (empty: pass); spoken: done, then tick points
help-enter = submit a choice or a number; a new line in text
help-pick = pick a choice
help-tab = move between answer (or talking points) and notes
help-tick = tick points you covered (once done); Enter confirms
help-notes = jump to your notes
help-editing = Editing text
help-line-ends = start, end of the line (also Home, End)
help-words = back, forward a word (also Ctrl-← →)
help-kill-line = delete to the end, to the start of the line
help-kill-word = delete the word before the cursor
help-kill-next-word = delete the word after the cursor
help-yank = put back what was last deleted
help-undo = undo, redo
help-scroll = scroll a long question
help-clock = The clock
help-pause = pause: the clock stops and the question hides
help-resume = resume after a pause
help-suspend = suspend (pauses too); `fg` comes back
help-leaving = Leaving
help-quit = end the interview (asks first; shows the summary)
help-picking = Picking a scenario
help-choose = choose; Enter again on the ready screen starts
help-filter = filter by title, company or id
help-pace = change the pace: real, pressure, untimed, relaxed
help-language = switch between English and Chinese (remembered)
help-anywhere = Anywhere
help-help = this help (? only when not typing)
help-title = Help
help-close = Esc closes
help-scroll-keys = ↑↓ scroll

## The debrief: verdict names, reasons and what cost points.
verdict-strong-hire = strong-hire
verdict-hire = hire
verdict-lean-no = lean-no
verdict-no = no
reason-no-answers = No question was answered.
reason-drill = A drill is practice: it gets a score and the traps you fell into, not a hiring verdict.
reason-score = Overall score { $score }/100 over { $n ->
    [one] { $n } answered question.
   *[other] { $n } answered questions.
}
reason-no-traps = No traps.
reason-trap-line = { $n ->
    [one] { $n } trap
   *[other] { $n } traps
}, { $times ->
    [one] { $times } time
   *[other] { $times } times
}: { $names }.
trap-times = { $title } ({ $n }×)
list-sep = {"; "}
reason-numeric = { $right } of { $total } numeric questions right.
reason-numeric-close = { $right } of { $total } numeric questions right, { $close } close (half credit).
reason-weakest = Weakest competency: { $name } ({ $score }).
reason-unbacked = { $n ->
    [one] { $n } spoken answer
   *[other] { $n } spoken answers
} rated covered with no notes of what was said.
reason-bounded = The interview's ending holds the verdict to { $bounded } (the score alone says { $band }).
early-timeout = The interview's time limit ran out.
reason-too-few = You left after { $n ->
    [one] one answer
   *[other] { $n } answers
}: too few to judge an interview by, so there is no verdict.

early-quit = You left the interview early.
early-closed = The interviewer closed the interview after your answer to “{ $question }”.
early-closed-traps = The interviewer closed the interview after your answer to “{ $question }”, which fell into: { $traps }.
why-bound = The interview's ending allows at most { $verdict }
why-quit = You left the interview early
why-repeated-at = { $what } ({ $n }×: questions { $list })
why-at-one = { $what } (question { $k })
why-points = { $what } ({ $points } points)
loss-trap = Trap: { $title }
loss-over-time = Ran over time
loss-timed-out = Time ran out on a question
loss-pass = Questions passed or left empty
loss-not-a-number = No number where one was asked for
loss-close = Numbers only close (half credit)
loss-wrong = Wrong numbers
loss-spoken = Spoken answers short of notes or of talking points covered
loss-text = Answers short of figures, a before-and-after or what you did
given-pass = (pass)
given-option = option { $n }
given-not-a-number = { $raw } (not a number)
given-covered = covered: { $points }
given-typed = { $read } (typed { $raw })
list-none = none
mark-right = right
mark-close = close (half credit)
mark-wrong = wrong
trap-in-english = { $title }
count-none = none
count-times = { $n }, { $m } times

## The debrief's headings and labels (Markdown, text and the screen).
debrief-h-why = Why this verdict
debrief-h-competencies = Competencies
debrief-h-traps = Traps ({ $count })
debrief-h-numbers = Numbers
debrief-h-timeline = Timeline
debrief-h-points = Talking points (self-rated)
debrief-h-notes = Notes
debrief-no-traps = None. Well done.
debrief-notes-none = (none)
md-title = # Debrief: { $title }
md-verdict = **Verdict: { $verdict }**
md-verdict-score = **Verdict: { $verdict }** ({ $score }/100)
md-verdict-none = **Verdict: none** (too little was answered to judge)
md-verdict-drill = **Drill: { $score }/100** (practice: no hiring verdict)
md-how-ended = **How it ended:** { $text }
md-closing-words = the interviewer's closing words (`{ $node }`):
md-closing-words-after = { $early } The interviewer's closing words (`{ $node }`):
md-why-hurts = **Why it hurts:** { $text }
md-instead = **Instead:** { $text }
md-where = **Where ({ $node }):** { $question }
md-where-nth = **Where { $k } ({ $node }):** { $question }
md-you-said = **You said:** { $text }
md-model-answer = **Model answer for this question:** { $text }
md-example = **Example of a strong answer (not your words):** { $text }
md-numeric = - **{ $node }**: expected { $expected }, you gave { $given }: { $mark }. { $solution }
md-timeline-head = | # | question | time | limit | |
md-over-time = **over time**
md-interjected = At question { $n } ({ $node }) the interviewer said: "{ $said }"
md-points = - **{ $node }**: covered { $covered }; missed { $missed }
exit-timed-out = timed-out
exit-session-over = session-over
exit-quit = quit
tui-debrief = Debrief
tui-more = {" · "}↓ more
tui-key-scroll = scroll
tui-key-traps = next/previous trap
tui-key-save = save Markdown
tui-key-leave = leave
tui-verdict = Verdict:{" "}
tui-band-strong-hire = STRONG HIRE
tui-band-hire = HIRE
tui-band-lean-no = LEAN NO
tui-band-no = NO
tui-band-none = NO VERDICT
tui-label = {"  "}{ $label }:{" "}
tui-how-ended = How it ended
tui-closing-words = the interviewer's closing words
tui-why-hurts = Why it hurts
tui-instead = Instead
tui-where = Where
tui-where-at = { $node }: { $question }
tui-you-said = You said
tui-model-answer = Model answer
tui-example = Example of a strong answer (not your words)
tui-numeric = { $node }: expected { $expected } { $unit }, you gave { $given }
tui-untimed = untimed
tui-over-time = OVER TIME
tui-covered = { $node }: covered { $covered }
tui-missed = missed: { $missed }

## Competencies, as the debrief names them (the ids scenarios use; English keeps the id).
competency-communication = communication
competency-negotiation = negotiation
competency-unit-economics = unit-economics
competency-compliance = compliance
competency-pricing = pricing
competency-leadership = leadership
competency-security = security
competency-data-residency = data-residency
competency-go-to-market = go-to-market
competency-billing = billing
competency-cost-attribution = cost-attribution
competency-supply-chain = supply-chain

## Paces, as the picker and the ready screen name them.
pace-real = real
pace-pressure = pressure
pace-untimed = untimed
pace-relaxed = relaxed
picker-minutes = { $n }m
header-who = │ { $name }, { $role }

## The picker's details: the scenario's history, from the session index.
picker-last-played = Last played { $date }
picker-best-verdict = Best verdict: { $verdict }
