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
quit-no = keep going

## The picker.
picker-title = pick an interview
picker-pace = pace:
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
