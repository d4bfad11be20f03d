## hotseat drill
