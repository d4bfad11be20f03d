## hotseat cohort and the cohort screen
