"""Short fictional reports written for the tests (no outlet's text)."""

# A fictional report, long enough to pass the minimum article length.
HARBOUR_REPORT = (
    "Harbour workers in the fictional town of Lindqvist walked off the job on Monday, halting cargo "
    "traffic at the country's third-largest port, the dockworkers' union said.\n\n"
    "The union's chair, Maren Holt, said the strike would last until the port authority reopened talks "
    "on night-shift pay. About 1,200 workers took part, according to the union."
)
BAKERY_REPORT = (
    "A bakery in the fictional village of Oster Fjell baked a loaf four metres long on Saturday to mark "
    "the village's 600th anniversary, its owner said.\n\n"
    "Villagers queued for two hours to taste it, and the mayor, Tomas Eng, called it the best bread the "
    "valley had seen in a century."
)


FERRY_REPORT = (
    "The evening ferry between the fictional islands of Brenna and Sol ran aground on a sandbank on "
    "Thursday, and all 86 passengers were taken ashore by lifeboat, the coast guard said.\n\n"
    "A coast guard spokesman, Per Lind, said nobody was hurt and the vessel would be towed off at high tide."
)
