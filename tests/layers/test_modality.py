"""Events told as planned, threatened or expected, not as done (invented sentences)."""

from __future__ import annotations

import pytest

from geo.types import Mention, MentionKind, Resolved
from layers.events import detect_events
from layers.modality import looked_back_on, told_as_denied, told_as_planned
from layers.registry import load_layers


@pytest.mark.parametrize(
    ("text", "trigger", "planned"),
    [
        # A future or conditional verb, or one the trigger is the purpose of.
        ("The ministers will meet in Vandoria next week.", "meet", True),
        ("He said he would travel to Port Sella to meet investors.", "meet", True),
        ("The two leaders meet in Vandoria tomorrow.", "meet", True),
        # A verb or adjective of planning above it.
        ("Rebels threatened to attack the port.", "attack", True),
        ("Talks are due to resume in Vandoria.", "resume", True),
        ("Troops are expected to enter the town by Friday.", "enter", True),
        ("The army is going to attack the ridge.", "attack", True),
        # A warning that it could come.
        ("The North warned it could fire missiles over the islands.", "fire", True),
        ("Officials warned the militants may attack the town again.", "attack", True),
        ("Officials said the militants attacked the town again.", "attacked", False),
        ("The UN warned that the strike may have killed dozens of civilians.", "killed", False),
        # An event noun's own words.
        ("The planned visit to Vandoria was called off.", "visit", True),
        ("Talks scheduled for May will go ahead.", "Talks", True),
        ("The ministers will hold talks in Vandoria.", "talks", True),
        ("Peace talks are scheduled to resume in Vandoria.", "talks", True),
        ("Residents said they feared further raids on the village.", "raids", True),
        # What a verb put ahead waits for; after a past verb it happened.
        ("The rebels said they would not stop until the government negotiated.", "negotiated",
         True),
        ("The rebels will fight on until the troops withdraw from Vandoria.", "withdraw", True),
        ("The rebels fought on until the troops withdrew from Vandoria.", "withdrew", False),
        # what is awaited is an end: the fighting goes on
        ("Aid will not reach Vandoria until the fighting ends.", "fighting", False),
        # A condition on the event's own verb; not one on a verb above it.
        ("Vandoria said it would close the strait if its tankers were attacked.", "attacked", True),
        ("The rebels will retaliate unless the port is shelled again.", "shelled", True),
        ("Rebels vowed revenge unless the army stopped shelling the town.", "shelling", False),
        # An "if" that asks whether is no condition.
        ("Reporters asked if troops had entered the town.", "entered", False),
        ("It was not clear if the drone hit the refinery.", "hit", False),
        # Done: the past, an attempt, a past purpose, and "later" after a past.
        ("Jets struck the port on Sunday.", "struck", False),
        ("Rebels tried to storm the base.", "storm", False),
        ("The sides agreed a ceasefire in Vandoria.", "ceasefire", False),
        ("The general travelled to Vandoria to share his findings.", "share", False),
        ("Days later, thousands marched through the capital.", "marched", False),
        ("The march, which was led by students, set off from the square.", "march", False),
        # What a noun names the intent of: "an offensive to retake X" has not retaken it.
        ("The army launched an offensive to retake the ridge.", "retake", True),
        ("The junta issued orders to shell the villages.", "shell", True),
        # A condition on a verb the tagger reads as a noun.
        ('"If the Vandorians attack, we will strike the port," the minister said.', "attack", True),
        # What someone plots, is to do, or is urged to do.
        ("Police held three men accused of plotting an attack on the port.", "attack", True),
        ("A second round of talks is to be held in Vandoria next week.", "round", True),
        ("The envoy urged him to send a team to Vandoria.", "send", True),
        # Not what someone is to blame for, nor strikes someone is urged to halt.
        ("The army is to blame for the shelling of the port.", "shelling", False),
        ("The envoy urged Vandoria to halt its strikes on the port.", "strikes", False),
        # a meeting someone is asked to convene, or that is being prepared, is not held yet
        ("He said he had asked the council to convene an urgent meeting.", "meeting", True),
        ("They discussed preparations for talks in Vandoria.", "talks", True),
        ("Vandoria rejected a proposal for a summit in Port Sella.", "summit", True),
        ("The ministers met to discuss preparations for the summit.", "met", False),
        # a plot named as a deed done, a deed judged, an army that pressed on
        ("He was convicted of plotting the attacks on the port that killed 40.", "attacks", False),
        ("The shelling of the port is to be condemned, the envoy said.", "shelling", False),
        ("The army pressed on to capture the ridge.", "capture", False),
        # what could or may happen; not what may have happened, nor what one could hear
        ("The two ministers could sign a framework deal in Vandoria.", "sign", True),
        ("Envoys may meet again in Vandoria.", "meet", True),
        ("The shelling may have killed dozens in the port.", "killed", False),
        ("Residents could hear explosions in the port.", "explosions", False),
        # what people were able to do, and a judgement of a deed, are no plans
        ("Only a few aid convoys could enter the port on Monday.", "enter", False),
        ("Gunmen killed nine, in what may be the worst attack this year.", "attack", False),
        # a time after "expected" puts the noun ahead; a time it has been expected for does not
        ("A state visit to Vandoria, expected in May, has not been confirmed.", "visit", True),
        ("A visit to Vandoria, expected next week, will focus on trade.", "visit", True),
        ("The offensive, expected for weeks, began on Monday.", "offensive", False),
        ("The offensive, expected later this year, began on Monday.", "offensive", False),
        ("The protest in the capital, expected on Tuesday, drew thousands.", "protest", False),
        ("Casualties, expected in the hundreds, mounted in the port.", "Casualties", False),
        # awaited somewhere for the event: not yet there
        ("The president is expected in Vandoria on Friday for talks.", "talks", True),
        ("The envoy was due in Port Sella on Sunday for talks.", "talks", True),
        ("The envoy arrived in Port Sella on Sunday for talks.", "talks", False),
        # what one will not let happen has not happened; what one allowed may have
        ("The army said it will not allow militias to deploy near Vandoria.", "deploy", True),
        ("The army will not let militias deploy near Vandoria.", "deploy", True),
        ("The government allowed foreign jets to strike targets near Vandoria.", "strike", False),
        # an answer ahead answers a deed done
        ("The ministry would not comment on the attack in Vandoria.", "attack", False),
        ("Police will investigate the bombing in Port Sella.", "bombing", False),
        # a rule for whoever might: no event told; done when told in the past
        ("The junta said it would jail anyone who protests in Mandalay.", "protests", True),
        ("Soldiers will shoot anybody who attacks the convoy near Zorvan.", "attacks", True),
        ("Police arrested anyone who protested in Mandalay.", "protested", False),
        ("The army will punish anyone who attacked the convoy near Kidal.", "attacked", False),
        # a clause of its own after a semicolon, which the parse may hang on the plan
        ("Leaders met the minister in Port Sella on 1 April; further talks are planned in "
         "Vandoria in May.", "met", False),
        # later this month is ahead
        ("That should change at the leaders' summit in Vandoria later this month.", "summit",
         True),
        ("Leaders met at a summit in Vandoria earlier this month.", "summit", False),
        # a question to be answered yes or no tells nothing as done; one of who or
        # where takes the deed as done
        ("Q: Was there any incursion into your airspace this time?", "incursion", True),
        ("Did drones strike the fuel depot in Kesra overnight?", "strike", True),
        ("And has the army shelled Zorvan again?", "shelled", True),
        ("Who attacked the police station in Zorvan?", "attacked", False),
        ("Drones struck the depot in Kesra overnight, did they not?", "struck", False),
        ("Q: Did patrol boats fire water cannon near Zorvan Reef?", "cannon", True),
        # a deed the question takes as done, not what it asks (review of session 46)
        ("Has the bombing of the clinic in Zorvan been investigated?", "bombing", False),
        ("Were the soldiers in Kesra when the killings took place?", "killings", False),
        ("Can the world ignore that gunmen killed 40 villagers in Zorvan last week?",
         "killed", False),
        ("And did they know the militia had already seized the town of Kesra?", "seized",
         False),
        # the question's own verb however the parse hangs it under the opening verb:
        # on the subject, as a clause of its own, or as the subject (review of session 47)
        ("Were two journalists wounded in Zorvan on Monday?", "wounded", True),
        # a participle before the one asked describes the subject, taken as given
        # (the review of session 48, 3)
        ("Were the bodies found in Zorvan buried by soldiers?", "found", False),
        ("Were the men arrested in Kesra beaten by police?", "arrested", False),
        # a question answered yes tells the deed as done (the review of session 48, 14)
        ("Were any civilians killed in Zorvan? Yes, officials said four died.", "killed",
         False),
        ("Q: Did drones hit the port in Kesra? A: Yes, two of them.", "hit", False),
        ("Were any civilians killed in Zorvan? Officials did not say.", "killed", True),
        ("Are the rebels attacking ships off Kesra?", "attacking", True),
        ("Is the army bombing Zorvan?", "bombing", True),
        ("Is there shelling in Kesra today?", "shelling", True),
        ("Did the vessels fire water cannon at a boat near Zorvan Reef?", "cannon", True),
        ("Were any soldiers killed in the attack on the base in Kesra?", "attack", False),
        ("Was the attack on the base in Kesra a terrorist act?", "attack", False),
        # an agreement that talks are about is none made (tester round 36, F3)
        ("Mediators are due to meet in Zorvan on Thursday to discuss the second phase of "
         "the truce.", "truce", True),
        ("Envoys met in Zorvan to negotiate a ceasefire deal.", "ceasefire", True),
        ("The two sides signed a truce in Zorvan on Monday.", "truce", False),
        # a taking only attempted has taken nothing (tester round 36, F9)
        ("Fighting went on around Kesra, where the rebels have been trying to take the town "
         "since last year.", "take", True),
        ("The rebels took the town of Kesra on Monday.", "took", False),
        # a condition written with its verb first (tester round 37, F4); not a clause
        # that merely starts with "were"
        ("Aid groups warned that, should fighting reach Kesra, thousands could flee.",
         "fighting", True),
        ("Should the rebels attack Zorvan, the army will respond.", "attack", True),
        ("Had the rebels captured Zorvan, the talks would have collapsed.", "captured", True),
        ("Police said the villages that were attacked lie near Zorvan.", "attacked", False),
    ],
)
def test_told_as_planned(nlp, text, trigger, planned):
    doc = nlp(text)
    (token,) = [t for t in doc if t.text == trigger]
    assert told_as_planned(token) is planned


@pytest.mark.parametrize(
    ("text", "planned"),
    [
        # Dated after the article, and not told in the past: a plan.
        ("The ministers meet in Port Sella on March 3.", True),
        ("The ministers meet in Port Sella in March.", True),
        # A past verb with a date that reads as ahead is a past event.
        ("Jets struck Port Sella on March 3.", False),
    ],
)
def test_an_event_dated_after_the_article_is_planned(nlp, text, planned):
    start = text.index("Port Sella")
    mention = Mention(
        start, start + 10, "Port Sella", MentionKind.TOPONYM, "Port Sella", start, start + 10
    )
    events = detect_events(
        nlp(text), [Resolved(mention, None)], layers=load_layers(), article_date="2026-02-20"
    )
    assert events and all(e.planned is planned for e in events)


@pytest.mark.parametrize(
    ("text", "trigger", "denied"),
    [
        # No plan, or an attack averted, did not happen.
        ("The rebels said they had no plans to march on the capital.", "march", True),
        ("Ships hugged the coast to avoid attacks by the militia.", "attacks", True),
        ("Police foiled a bombing at the station.", "bombing", True),
        ("The plot to bomb the station was thwarted.", "bomb", False),  # planned, see above
        ("Gunmen attacked the station to avoid arrest.", "attacked", False),
        # a visit or talks called off did not take place
        ("The minister cancelled a visit to Zorvan on Monday.", "visit", True),
        ("The talks in Zorvan were postponed.", "talks", True),
        ("Both sides called off the talks in Zorvan.", "talks", True),
        ("The president suspended peace talks with the rebels on Monday.", "talks", True),
        ("Both sides called the talks in Zorvan a success.", "talks", False),
        # A denied report or claim did not happen; a confirmed one did.
        ("The ministry denied reports that drones had struck the depot.", "struck", True),
        ("The army rejected claims that its jets bombed the market.", "bombed", True),
        ("The army confirmed reports that its jets bombed the market.", "bombed", False),
        # a denial withheld leaves the claim standing
        ("The army did not deny reports that its jets bombed the market.", "bombed", False),
        ("Officials neither confirmed nor denied claims that drones hit it.", "hit", False),
        ("The militia refused to deny reports that it shelled the port.", "shelled", False),
        ("The army did not deny shelling the port.", "shelling", False),
        # an event one never saw, took part in or held; not one left unjudged or unconfirmed
        ("She said she had never seen a protest in the capital.", "protest", True),
        ("He told the crowd he had never been to a riot.", "riot", True),
        ("The army did not carry out strikes on the port.", "strikes", True),
        ("The army did not condemn the attack on the port.", "attack", False),
        ("Police have not confirmed the blast at the port.", "blast", False),
        # an event one did not see, or never saw the like of, happened
        ("Residents did not see the explosion, which shook the port.", "explosion", False),
        ("I have never seen such heavy shelling in the town.", "shelling", False),
        ("Police did not take the protest seriously.", "protest", False),
        ("The talks were not held in the capital.", "talks", True),
        # a rumour or a hoax tells of no event
        ("Police made no arrests after a rumour of a shooting in the port.", "shooting", True),
        ("Police made arrests after a shooting in the port.", "shooting", False),
        # the parse may make the denied verb a compound of its object
        ("The ministry has repeatedly denied bombing clinics in Idlib.", "bombing", True),
        ("Officials denied protesting students entry to the campus.", "protesting", False),
        # a fact-check's verdicts: a claim called false, no evidence, a record that shows none
        ("Claims that the air force bombed a village in Zorvan are false.", "bombed", True),
        ("The claim that jets shelled the port is baseless.", "shelled", True),
        ("The claim that jets shelled the port is not false.", "shelled", False),
        # "incorrect" or "misleading" mostly disputes who did it, not that it was done
        ("The claim that rebels attacked the convoy is incorrect: the army did.", "attacked",
         False),
        ("There is no evidence that a missile struck the port.", "struck", True),
        ("Inspectors found no sign that drones hit the depot.", "hit", True),
        ("There is evidence that a missile struck the port.", "struck", False),
        ("The video does not show a missile strike on the port.", "strike", True),
        ("The video shows a missile strike on the port.", "strike", False),
        ("The video does not show the strike itself, only the smoke.", "strike", False),
        # a correction: what the earlier text said is what was wrong
        ("An earlier version of this article said a car bomb exploded in the port.",
         "exploded", True),
        ("This story incorrectly reported that a drone struck the port.", "struck", True),
        ("This article previously said that a car bomb exploded in the port.", "exploded",
         True),
        ("The governor previously said that a car bomb exploded in the port.", "exploded",
         False),
        ("The governor said a drone struck the port.", "struck", False),
        ("The first report said a drone struck the port.", "struck", False),
        ("Earlier reports said a drone struck the port.", "struck", False),
        # a corrected detail, an official's slip, the fact that follows: done
        ("An earlier version of this article misstated the number of people killed in the "
         "strike on the port.", "killed", False),
        ("The ministry mistakenly reported that the explosion in the port killed 40 people.",
         "explosion", False),
        ("An earlier version of this article said the blast was in Zorvan, but the blast hit "
         "Kesra.", "hit", False),
        # a live blog's own earlier entry, corrected
        ("CORRECTION: An earlier entry said a shell hit the clinic in Zorvan.", "hit", True),
        ("Our 08:05 entry said the shell hit the clinic in Zorvan. That was wrong.", "hit",
         True),
        ("A shell landed near the market. CORRECTION: Our 08:05 entry said the shell hit the "
         "clinic in Zorvan.", "hit", True),
        ("Our correspondent said the shell hit the clinic in Zorvan.", "hit", False),
        # someone else's post, or an update a later count overtook: no correction
        ("An earlier post by the governor said a drone hit a house in Zorvan.", "hit", False),
        ("An earlier update said three people were killed in the strike on Zorvan. The toll "
         "has since risen to five.", "killed", False),
        ("Our 09:30 post reported that two missiles struck Zorvan. The mayor has now "
         "confirmed the strike.", "struck", False),
        # a post or a video the authorities deny: what it claimed
        ("Officials denied a viral post that claimed an explosion near the airport.",
         "explosion", True),
        ("Police denied a video that claimed drones struck the depot.", "struck", True),
        ("Officials shared a post that claimed an explosion near the airport.", "explosion",
         False),
        ("Officials did not deny a post that claimed an explosion near the airport.",
         "explosion", False),
        # "no" before a pair of nouns denies both, however the parse joins them
        ("Officials said that no blast or drone attack took place in Zorvan.", "attack", True),
        ("There were no attacks or clashes in Zorvan on Friday.", "clashes", True),
        ("There were attacks and clashes in Zorvan on Friday.", "clashes", False),
        # a question's deed the answer denies (tester round 36, F2); not one it affirms
        ("Asked whether jets had also struck near Zorvan, a spokesman said no.", "struck",
         True),
        ("Asked if troops had entered Kesra, the army denied it.", "entered", True),
        ("When asked whether drones had hit the port, the minister said they had.", "hit",
         False),
        # a denial of the doer's part leaves the deed asked about (review of session 47, 9)
        ("Asked whether jets had bombed the market in Zorvan, the ministry denied any "
         "involvement.", "bombed", False),
        ("Asked if the militia had attacked the camp, its commander denied responsibility.",
         "attacked", False),
        # but not a deed joined to the words about it: the details are what is denied
        ("The army gave no details of the strike or the raid on Zorvan camp.", "raid", False),
        ("There was no violation of our airspace over Zorvan this week.", "violation", True),
    ],
)
def test_told_as_denied(nlp, text, trigger, denied):
    doc = nlp(text)
    (token,) = [t for t in doc if t.text == trigger]
    assert told_as_denied(token) is denied


@pytest.mark.parametrize(
    ("text", "trigger", "remembered"),
    [
        ("Residents remembered the 1988 bombing at a service in the capital.", "bombing", True),
        ("A memorial was held in the capital for victims of the 2004 bombing.", "bombing", True),
        ("Crowds marked the anniversary of the shelling of the port.", "shelling", True),
        ("A vigil was held for the victims of the attack.", "attack", True),
        ("An inquiry into the killing of the journalist opened in the capital.", "killing", True),
        # judged or sued over in another year, or told in a film
        ("A court in the capital convicted the men over the 2015 attacks.", "attacks", True),
        ("Prosecutors charged a man over the 2016 bombing of a market.", "bombing", True),
        ("Lawyers filed a lawsuit over the 2018 killing of a journalist.", "killing", True),
        ("A court heard a case about the 1995 massacre on Tuesday.", "massacre", True),
        ("The film was screened at a festival, depicting the killings.", "killings", True),
        # protested against, or condemned at a rally
        ("Residents staged a protest against the killings.", "killings", True),
        ("Residents held a rally to condemn the attacks.", "attacks", True),
        # police who charge a man over this week's deed are most often where it was
        ("In the capital, police charged a man over Saturday's stabbing.", "stabbing", False),
        ("Police registered a case over Sunday's clashes.", "clashes", False),
        ("Families sued the government over the port explosion.", "explosion", False),
        # told as happening
        ("Five people were killed in the bombing of the port.", "bombing", False),
        ("Rescuers searched the rubble after the shelling of the port.", "shelling", False),
        ("Police charged protesters outside the parliament.", "protesters", False),
    ],
)
def test_looked_back_on(nlp, text, trigger, remembered):
    doc = nlp(text)
    (token,) = [t for t in doc if t.text == trigger]
    assert looked_back_on(token) is remembered


def test_a_correction_denies_the_doers_it_names_as_well(nlp):
    # (tester round 37, F4) the protesters are a trigger of their own
    doc = nlp("Correction: An earlier version of this story said that protesters set fire "
              "to a police post in Zorvan.")
    assert told_as_denied(next(t for t in doc if t.text == "protesters"))


def test_a_correction_denies_what_it_corrects_not_the_fact_it_gives(nlp):
    doc = nlp("An earlier version of this story incorrectly said jets struck Zorvan; they "
              "struck Kesra.")
    first, second = [t for t in doc if t.text == "struck"]
    assert told_as_denied(first) and not told_as_denied(second)


_FACT_CHECK = """**Claim:** A video shows jets striking a market in Zorvan on Sunday.

**Verdict: False.** The footage was filmed years earlier.

Claim: Drones struck the depot in Kesra overnight.

Verdict: True. Satellite images show the burned depot.
"""


def test_a_fact_check_s_claim_rated_false_is_denied_one_rated_true_stands(nlp):
    doc = nlp(_FACT_CHECK)
    striking = next(t for t in doc if t.text == "striking")
    struck = next(t for t in doc if t.text == "struck")
    assert told_as_denied(striking)
    assert not told_as_denied(struck)


@pytest.mark.parametrize(
    "ruling",
    [
        "Ruling: False flag operation, the junta says.",
        # any phrase the word opens, not a list of idioms (the review of session 48, 10)
        "Verdict: False hope for residents, who fled anyway.",
        "Ruling: False imprisonment, the court found.",
    ],
)
def test_a_verdict_is_the_whole_word_not_the_start_of_a_phrase(nlp, ruling):
    doc = nlp(f"Claims: Militants attacked a base in Kesra.\n\n{ruling}\n")
    assert not told_as_denied(next(t for t in doc if t.text == "attacked"))


@pytest.mark.parametrize(
    "verdict",
    [
        "Verdict: Fake news.",
        "Rating: False claim",
        "Verdict: False/Misleading",
        # what a fact-check rates (the review of session 49, 3)
        "Verdict: Fabricated quote",
        "Rating: False headline",
        "Verdict: False in part",
    ],
)
def test_a_verdict_may_name_what_it_rates(nlp, verdict):
    # (review of session 47, 7)
    doc = nlp(f"Claim: Jets struck the air base in Kesra.\n\n{verdict}\n")
    assert told_as_denied(next(t for t in doc if t.text == "struck"))


def test_a_claim_without_a_verdict_stands(nlp):
    doc = nlp("Claim: Drones struck the depot in Kesra overnight.\n\nOfficials confirmed it.")
    assert not told_as_denied(next(t for t in doc if t.text == "struck"))
