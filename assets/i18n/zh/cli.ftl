# What the commands say to a person (not JSON): confirmations, lists, summaries.
