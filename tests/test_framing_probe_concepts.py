"""discourse.framing: the concepts added from the errors of probes of invented text
(``docs/coding/probe15/`` and after), each probe's errors read only after it was scored, and
each entry narrowed by a review of invented sentences (``docs/lexicon-history.md``).

Every sentence is coded on its own and checked both ways: where the concept must fire and
where it must leave the code alone. ``frames`` names the frames checked (S, E, M), in order.
Checks that need a document's title and references are in
``test_framing_decision_rules.py``.
"""

from __future__ import annotations

import pytest

from framing_helpers import codes

FRAMES = "SEM"

CASES = [
    # --- docs/coding/probe15/ ---
    # the SCO's election observer mission is its own body (rule 2); an observer state is still
    # enlargement, and a peace mission still security
    ("probe15", "SEM", (0, 0, 0),
     "The SCO Observer Mission considers the presidential election transparent and democratic."),
    ("probe15", "M", (1,),
     "Egypt was granted the status of SCO observer."),
    ("probe15", "S", (1,),
     "The joint anti-terrorist exercise Peace Mission was held in Chelyabinsk."),
    # a UN official's title is a name: multilateralism, not the security of its words
    ("probe15", "SEM", (0, 0, 1),
     "He met the UN Under-Secretary-General for Counter-Terrorism."),
    # central bank governors who meet are participants; central banks at work are economy
    ("probe15", "SEM", (0, 0, 0),
     "Meeting of SCO finance ministers and central bank governors held in Astana"),
    ("probe15", "E", (1,),
     "The central banks agreed to expand settlements in national currencies."),
    # macroeconomic and financial stability are economy, not security; political stability
    # beside them is still security
    ("probe15", "SE", (0, 1),
     "They discussed measures to ensure macroeconomic stability in the region."),
    ("probe15", "SE", (1, 1),
     "They called for political and financial stability in the region."),
    # --- docs/coding/probe16/ ---
    # heads of drug-control agencies who meet are participants (a designation, rule 2); the
    # agencies at work against drugs are security
    ("probe16", "SEM", (0, 0, 0),
     "Heads of drug-control agencies of the SCO member states meet in Tianjin"),
    ("probe16", "S", (1,),
     "The drug-control agencies seized two tonnes of heroin."),
    ("probe16", "SEM", (0, 0, 0),
     "The meeting of the heads of the competent authorities of the SCO member states responsible "
     "for combating illicit trafficking in narcotic drugs and psychotropic substances was held "
     "in Tianjin."),
    ("probe16", "S", (1,),
     "The new agency will be responsible for combating illicit trafficking in narcotic drugs."),
    # the drug situation, and the production of drugs, are security, not economy
    ("probe16", "SEM", (1, 0, 0),
     "The participants assessed the drug situation in the region as complex."),
    ("probe16", "SEM", (1, 0, 0),
     "Opium production in Afghanistan reached a record level."),
    # the victims and damage of armed conflict are security; of a disaster, not (rule 6)
    ("probe16", "SEM", (1, 0, 0),
     "They condemned the attacks that caused civilian casualties and the destruction of civilian "
     "infrastructure."),
    ("probe16", "SEM", (0, 0, 0),
     "The earthquake caused civilian deaths and the destruction of civilian infrastructure."),
    ("probe16", "S", (1,),
     "The members called for coordinated efforts to de-escalate the situation."),
    # air links are transport; a route of terrorists is a place
    ("probe16", "SEM", (0, 1, 0),
     "The sides discussed expanding direct air links between their capitals."),
    ("probe16", "SEM", (1, 0, 0),
     "The terrorists used air routes to travel to the conflict zone."),
    # a list of the ministries and agencies that meet does not carry their fields
    ("probe16", "SEM", (0, 0, 0),
     "The fifth meeting of the heads of ministries and agencies of labour and employment of the "
     "SCO member states took place in Tashkent."),
    ("probe16", "E", (1,),
     "The ministers discussed the situation on the labour market."),
    # --- docs/coding/probe17/ ---
    # customs officers are people at work (here in a border operation); customs procedures are
    # trade facilitation
    ("probe17", "SEM", (1, 0, 0),
     "Border guards, customs officers and police units worked in close contact during the "
     "operation."),
    ("probe17", "E", (1,),
     "The customs officers were trained to simplify clearance procedures for exporters."),
    # names of outside organisations: multilateralism, not the frame of their words
    ("probe17", "SEM", (0, 0, 1),
     "The ministers stressed the importance of cooperation with the Bureau for Coordination of "
     "the Fight against Organised Crime."),
    ("probe17", "SEM", (0, 0, 1),
     "The ministers agreed to deepen cooperation with the United Nations Industrial Development "
     "Organization."),
    ("probe17", "E", (1,),
     "A training course for customs officials on the electronic declaration system was held."),
    # a kind of court case is neither
    ("probe17", "SEM", (0, 0, 0),
     "Views were exchanged on the recognition and enforcement of judgments in civil and "
     "commercial cases."),
    # the SCO's place in the world is its standing (rule 9); a ranking is not
    ("probe17", "M", (1,),
     "How do you see the SCO's place in a world that is increasingly divided?"),
    ("probe17", "M", (0,),
     "Kazakhstan ranks first in the world in uranium production."),
    ("probe17", "M", (0,),
     "The film festival strengthened the SCO's place in the world of cinema."),
    # --- docs/coding/probe18/ ---
    # drug rehabilitation is countering narcotics (SECURITY: drug trafficking and narcotics)
    ("probe18", "S", (1,),
     "Drug rehabilitation programmes for young people were presented."),
    ("probe18", "S", (0,),
     "The plant reduced the country's drug dependence on imported medicines."),
    ("probe18", "SEM", (0, 0, 0),
     "The centre offers physical rehabilitation after sports injuries."),
    # rejection of confrontation: new dividing lines; equality among states
    ("probe18", "M", (1,),
     "The ministers agreed that new technologies should be accessible to all countries."),
    # a national security agency named in an official's title is a name (Names and lists); the
    # agency at work is not
    ("probe18", "SEM", (0, 0, 0),
     "The delegation was headed by the Deputy Chairman of the State Committee for National "
     "Security, Mr Temirov."),
    ("probe18", "S", (1,),
     "The State Security Service detained members of an underground cell."),
    ("probe18", "M", (1,),
     "Cooperation must not draw new dividing lines in Eurasia."),
    ("probe18", "SEM", (0, 0, 0),
     "The dividing line between the two river basins runs across the desert."),
    ("probe18", "SEM", (0, 0, 0),
     "Stands at the festival were available to all countries free of charge."),
    # a media outlet's name carries no frame; its subject does
    ("probe18", "SEM", (0, 0, 0),
     "Interview of the Secretary-General to the magazine Asia Business Weekly"),
    ("probe18", "SEM", (0, 0, 0),
     "He gave an interview to the Economic Daily newspaper."),
    ("probe18", "E", (1,),
     "He told the Economic Daily newspaper that trade had grown by a third."),
    ("probe18", "E", (1,),
     "The magazine wrote about the growth of trade."),
    # --- docs/coding/probe19/ ---
    # poverty as a condition or a cause is not economic activity; since round 25 neither is
    # poverty reduction by itself (the hand coders of probes 11, 19, 23, 36 and 64 gave it
    # none); an economic means named beside it still is economy
    ("probe19", "E", (0,),
     "The member states support cooperation in the field of poverty reduction."),
    ("probe19", "E", (0,),
     "China shared its experience of targeted poverty-alleviation."),
    ("probe19", "E", (1,),
     "Investment in rural infrastructure and new jobs lift people out of poverty."),
    ("probe19", "SEM", (0, 0, 0),
     "Millions of people in the region still live below the poverty line."),
    ("probe19", "SEM", (1, 0, 0),
     "Poverty and inequality can become a breeding ground for extremism."),
    # visas for business people are not trade; business people at work are economy
    ("probe19", "SEM", (0, 0, 0),
     "The ministries agreed to simplify visa procedures for business people, students and "
     "tourists."),
    ("probe19", "E", (1,),
     "Business people from the member states signed 45 contracts at the exhibition."),
    # growing cooperation is not enlargement (rule 10); a growing SCO is
    ("probe19", "SEM", (0, 0, 0),
     "The experts proposed expanding SCO cooperation in education."),
    ("probe19", "M", (1,),
     "The expanding SCO family now unites countries of Asia and Europe."),
    ("probe19", "M", (1,),
     "The enlarged SCO cooperation space now reaches the Indian Ocean."),
    # --- docs/coding/probe20/ ---
    # a peace agreement ends an armed conflict (peace as its absence); peace among peoples as
    # friendship is not security
    ("probe20", "S", (1,),
     "The Secretariat welcomes the signing of the peace agreement between the two states."),
    ("probe20", "SEM", (0, 0, 0),
     "Dialogue among civilisations serves the establishment of peace and friendship among "
     "peoples."),
    # countering the financing of terrorism is security; the financing of projects economy
    ("probe20", "SEM", (1, 1, 0),
     "The Interbank Consortium discussed project financing and measures against terrorist "
     "financing."),
    ("probe20", "SEM", (1, 0, 0),
     "Investigators of economic crimes exchanged experience."),
    # designations and bodies of border services are names (rules 2 and Names and lists); border
    # work is security
    ("probe20", "SEM", (0, 0, 0),
     "Meeting of the Coordination Council of Heads of Border Services held in Cholpon-Ata"),
    ("probe20", "S", (1,),
     "The heads of the border services discussed the situation on the border with Afghanistan."),
    ("probe20", "SEM", (0, 0, 1),
     "The participants exchanged experience with the Council of Commanders of Border Troops of "
     "the CIS member states."),
    # --- docs/coding/probe21/ ---
    # enlargement; an outside organisation's secretariat; principles among states; irrigation
    ("probe21", "M", (1,),
     "Belarus was admitted as a full member of the Organisation."),
    ("probe21", "SEM", (0, 0, 0),
     "Students admitted as members of the SCO University club met in Moscow."),
    ("probe21", "M", (1,),
     "They agreed to study a memorandum of understanding between the SCO Secretariat and the OTS "
     "Secretariat."),
    ("probe21", "SEM", (0, 1, 1),
     "The member states stressed non-discrimination in international energy trade."),
    ("probe21", "SEM", (0, 0, 0),
     "The charter sets out the principle of non-discrimination of young people on grounds of "
     "sex."),
    ("probe21", "E", (1,),
     "They exchanged experience in water-saving irrigation."),
    ("probe21", "SEM", (0, 0, 0),
     "Excessive irrigation has dried up the Aral Sea."),
    # --- docs/coding/probe22/ ---
    # "amid ..." sets the scene wherever it stands, up to the next comma (rules 3 and 4)
    ("probe22", "SEM", (0, 0, 0),
     "The election was held amid the economic difficulties caused by the pandemic, yet turnout "
     "exceeded 39 per cent."),
    ("probe22", "E", (1,),
     "Trade between the member states grew by a tenth amid the recovery of the world economy."),
    ("probe22", "E", (1,),
     "The ministers met amid rising tensions and agreed to expand trade in national currencies."),
    ("probe22", "E", (1,),
     "The Council noted that against the backdrop of the pandemic trade between the member "
     "states fell."),
    # the SCO's role in the world is its standing (rule 9); the state of the world is not
    # economic activity (rule 3)
    ("probe22", "M", (1,),
     "How do you see the SCO's role in today's world?"),
    ("probe22", "SEM", (0, 0, 0),
     "The Chinese language plays an increasing role in the modern world."),
    ("probe22", "SEM", (0, 0, 1),
     "The centre of gravity of global politics and the global economy is shifting towards Asia."),
    # --- docs/coding/probe23/ ---
    # the reform of the financial architecture is global governance of finance: both frames
    ("probe23", "SEM", (0, 1, 1),
     "The parties noted the importance of the reform of the international financial architecture "
     "in the interests of developing countries."),
    ("probe23", "M", (0,),
     "The talk show covered topics from national cuisine to the international financial "
     "architecture."),
    # peace preserved in a place is the absence of armed conflict; a memorial is history
    ("probe23", "S", (1,),
     "The SCO contributes to the preservation of peace across the Eurasian continent."),
    # round 18 left the International Day of Peace out on a review's misfires (events
    # marking the day); round 46 entered it: eight development sentences of four probes,
    # events that mark the day among them (probe107), were coded security by their coders
    ("probe23", "SEM", (1, 0, 0),
     "A children's drawing contest marked the International Day of Peace."),
    # a shared responsibility of all states is a call for collective action; a region's is not
    ("probe23", "M", (1,),
     "Countering climate change is the shared responsibility of all states."),
    ("probe23", "M", (0,),
     "Saving the Aral Sea is the shared responsibility of all countries of the region."),
    # --- docs/coding/probe24/ ---
    # illicit trade is crime, not trade; illegal trade restrictions are trade policy (rule 7)
    ("probe24", "SEM", (1, 0, 0),
     "According to experts, the illicit trade in cultural property has grown."),
    ("probe24", "SEM", (1, 0, 0),
     "Speakers noted that this criminal business is increasingly transnational."),
    ("probe24", "SE", (0, 1),
     "The ministers condemned illegal trade restrictions against member states."),
    # --- docs/coding/probe57/ to probe59/ (round 24) ---
    # the codebook's own security categories, in words the lexicon lacked
    ("probe57-59", "S", (1,),
     "Terrorists seized a school and took hostages."),
    ("probe57-59", "S", (0,),
     "Trade in the region must not become a hostage to politically motivated restrictions."),
    ("probe57-59", "S", (1,),
     "Gunmen opened fire on a bus carrying pilgrims."),
    ("probe57-59", "S", (1,),
     "The member states oppose the recruitment of mercenaries."),
    ("probe57-59", "S", (1,),
     "Seizures of methamphetamine have tripled in two years."),
    ("probe57-59", "S", (1,),
     "Special forces freed the passengers of the seized train."),
    ("probe57-59", "S", (1,),
     "The engineers cleared the area of unexploded ordnance."),
    ("probe57-59", "S", (1,),
     "Large-scale fighting broke out on the border."),
    ("probe57-59", "S", (0,),
     "The large-scale fight against poverty lifted millions out of hardship."),
    ("probe57-59", "S", (0,),
     "National contingents of athletes paraded at the opening of the games."),
    ("probe57-59", "S", (0,),
     "The new hub allows temperature-controlled deliveries of fruit to markets."),
    # the security situation in the world: security and the state of the world (rule 3)
    ("probe57-59", "SEM", (1, 0, 1),
     "The ministers exchanged views on the international and regional security situation."),
    ("probe57-59", "SEM", (1, 1, 1),
     "The members note that the world is undergoing profound changes, that the international"
     " security situation remains complex and that risks to the global economy are growing."),
    ("probe57-59", "M", (1,),
     "Today the world is going through changes of a scale not seen in a century."),
    ("probe57-59", "M", (0,),
     "The rainfall, unseen in a century, flooded three hundred houses."),
    # international law: the weapons conventions
    ("probe57-59", "SM", (1, 1),
     "They call for strict compliance with the Convention on the Prohibition of "
     "Bacteriological (Biological) and Toxin Weapons."),
    # rule 5: energy security with energy supplies has economic content; alone it has none
    ("probe57-59", "SE", (1, 1),
     "The ministers stressed energy security and the reliability of energy supplies to "
     "consuming countries."),
    ("probe57-59", "SE", (1, 0),
     "The ministers stressed the importance of energy security."),
    # an idiom is not its literal meaning; a real price is economy
    ("probe57-59", "SE", (1, 0),
     "The people of Pakistan have paid a high price in the struggle against terrorism."),
    ("probe57-59", "E", (1,),
     "The high price of fuel hit the farmers of the region."),
    # civilian infrastructure is what an attack targets, not the economy
    ("probe57-59", "SE", (1, 0),
     "The member states condemned the attacks on civilian infrastructure."),
    # a ministry's other name in brackets is part of its name
    ("probe57-59", "SEM", (0, 0, 0),
     "The meeting of the Ministers of Internal Affairs (Public Security) of the SCO Member "
     "States was held in Qingdao."),
    # --- round 25: docs/coding/probe57/ to probe59/ and probe63/ to probe65/ ---
    # a working group's name with its subject in lower case is still a name (rule 2); a
    # working group to be set up is a subject
    ("probe63-65", "S", (0,),
     "The Working Group on ensuring security of major international events met in Tashkent."),
    ("probe63-65", "S", (0,),
     "A meeting of the Working Group of the SCO Member States on ensuring security during "
     "major international events was held at the RATS."),
    ("probe63-65", "E", (1,),
     "The parties agreed to set up a working group on financing small businesses."),
    ("probe63-65", "S", (1,),
     "The Working Group discussed security at major sports events."),
    # the sectors of critical infrastructure are what is protected (rule 5); investment in
    # them is economy
    ("probe63-65", "SE", (1, 0),
     "They noted the importance of the security of critical infrastructure, including "
     "transport and energy facilities."),
    ("probe63-65", "SE", (1, 0),
     "Hackers attempted to attack critical information infrastructure, including energy "
     "facilities and banking systems."),
    ("probe63-65", "E", (1,),
     "They agreed to increase investment in critical infrastructure, including transport and "
     "energy."),
    # non-profit organisations misused to finance terrorism are security; money serving it too
    ("probe63-65", "SE", (1, 0),
     "The experts discussed the use of electronic payment systems and non-profit "
     "organisations to finance terrorist activities."),
    # the members a terrorist group recruits are not new members of the SCO (rule 10)
    ("probe63-65", "SM", (1, 0),
     "Terrorist organisations use social networks to recruit new members."),
    ("probe63-65", "M", (1,),
     "The SCO welcomed its new members at the summit."),
    # observers, guests and the diplomatic corps in a list of who attended are participants
    ("probe63-65", "M", (0,),
     "Representatives of the observer states and guests of the chairmanship were also "
     "present."),
    ("probe63-65", "M", (0,),
     "I am glad to see among us representatives of the diplomatic corps and the media."),
    ("probe63-65", "M", (1,),
     "The Secretary-General briefed the diplomatic corps on the results of the summit."),
    # fuel sent as aid is aid; fuel prices are economy
    ("probe63-65", "E", (0,),
     "Several member states sent humanitarian assistance, including food, medicines and fuel."),
    ("probe63-65", "E", (1,),
     "Rising fuel prices hit the farmers of the region."),
    # tolerance and mutual respect in a society are not principles between states (rule 8)
    ("probe63-65", "M", (0,),
     "They support efforts to promote the values of tolerance and mutual respect among "
     "faiths."),
    ("probe63-65", "M", (1,),
     "Relations between the member states rest on mutual respect and non-interference."),
    # the heads of civil aviation authorities who meet are participants
    ("probe63-65", "E", (0,),
     "The meeting of the heads of the civil aviation authorities of the SCO member states was "
     "held in Chengdu."),
    ("probe63-65", "E", (1,),
     "The ministers agreed to open new air routes between the capitals."),
    # --- round 26: errors of the development data (probe15, probe18, probe20, probe21,
    # probe37, probe59, probe63) ---
    # a bank's or a company's name carries no economy; what it does, and the SCO's own
    # planned bank, do
    ("probe15-63", "E", (0,),
     "The participants expressed their gratitude to China Development Bank for its "
     "hospitality."),
    ("probe15-63", "E", (0,),
     "The chairmanship passed to the National Bank for Foreign Economic Activity of the "
     "Republic of Uzbekistan."),
    ("probe15-63", "E", (1,),
     "China Development Bank signed a loan agreement to finance the new railway."),
    ("probe15-63", "E", (1,),
     "The leaders decided to establish the SCO Development Bank."),
    # roads, crops and farmers a disaster strikes are what it hits (rule 6); with security
    # (alternative development instead of opium) or economic consequences they are economy
    ("probe15-63", "E", (0,),
     "The floods damaged homes, roads and farmland."),
    ("probe15-63", "E", (0,),
     "Locust outbreaks cause serious damage to crops and pastures every year."),
    ("probe15-63", "E", (1,),
     "Farmers receive support to grow legal crops instead of opium poppy."),
    ("probe15-63", "E", (1,),
     "The drought cut grain exports and the incomes of farmers."),
    ("probe15-63", "E", (1,),
     "The reconstruction of roads and bridges destroyed by the floods will take three years."),
    # --- round 27: docs/coding/probe69/ to probe71/ ---
    # a mudflow is a disaster: the roads and farmland it destroys are what it strikes, and
    # "loss of life" is no economic loss
    ("probe69-71", "E", (0,),
     "The mudflow struck several villages, causing loss of life and destroying homes, roads "
     "and farmland."),
    ("probe69-71", "E", (1,),
     "The landslide caused economic losses of 40 million dollars and cut the road to the "
     "border crossing."),
    # a chamber of commerce and industry is a name; what it does is still economy
    ("probe69-71", "E", (0,),
     "The Secretary-General met the President of the Chamber of Commerce and Industry of the "
     "Kyrgyz Republic."),
    ("probe69-71", "E", (1,),
     "The Chamber of Commerce and Industry of Uzbekistan organised a trade mission to promote "
     "exports."),
    # economics taught and academic credits are education; a customs border is a border
    ("probe69-71", "E", (0,),
     "The universities offer master's programmes in regional studies, pedagogy and economics."),
    ("probe69-71", "E", (0,),
     "They discussed the mutual recognition of credits and joint degree programmes."),
    ("probe69-71", "E", (0,),
     "They discussed countering the smuggling of weapons across the customs borders of the "
     "member states."),
    ("probe69-71", "E", (1,),
     "They discussed the simplification of customs procedures for goods in transit."),
    # --- round 28: security's misses on the development data ---
    # the words of Afghanistan's situation are security where the sentence names it; not
    # elsewhere, not as another kind of situation, not "concerned" or "development"
    ("round28", "S", (1,),
     "Afghanistan remains a source of serious concern for the member states."),
    ("round28", "S", (1,),
     "The ministers noted the deterioration of the situation in the Islamic Republic of "
     "Afghanistan."),
    ("round28", "S", (1,),
     "A year has passed since the change of power in Kabul."),
    ("round28", "S", (0,),
     "The situation in the region remains generally stable."),
    ("round28", "S", (0,),
     "They discussed the economic situation in Afghanistan and the prices of food."),
    ("round28", "S", (0,),
     "The member states are concerned about the humanitarian situation of the Afghan people."),
    ("round28", "S", (0,),
     "They support alternative development programmes for Afghan farmers."),
    ("round28", "S", (1,),
     "Address at the conference \"Afghanistan: Regional Cooperation for Peace and "
     "Development\""),
    # --- round 28: docs/coding/probe75/ and probe77/ ---
    # an exercise of border agencies is security; radical ideology is extremism
    ("probe75-77", "S", (1,),
     "The joint border exercise of the competent authorities was held in the Osh region."),
    ("probe75-77", "S", (1,),
     "They will prevent the spread of radical ideology among young people."),
    # a period of deep transformation of the world is its state (rule 3)
    ("probe75-77", "M", (1,),
     "The world today is going through a period of deep transformation."),
    # a tug-of-war is a game; the UN's funds and programmes are bodies, not money; a film
    # made together is culture; great energy is zeal
    ("probe75-77", "SE", (0, 0),
     "The programme included table tennis, chess and a tug-of-war."),
    ("probe75-77", "E", (0,),
     "They will expand interaction with the specialised agencies, funds and programmes of "
     "the United Nations."),
    ("probe75-77", "E", (0,),
     "The programme includes a round table on joint film production."),
    ("probe75-77", "E", (0,),
     "Our colleagues have approached the chairmanship with great energy and creativity."),
    ("probe75-77", "E", (1,),
     "The parties discussed joint production of electric vehicles and energy supplies."),
    # --- round 29: docs/coding/probe81/ to probe83/ ---
    # the international regimes of drug control and arms control are international law among
    # many states (multilateralism) and stay security; a visa regime is neither
    ("probe81-83", "SEM", (1, 0, 1),
     "They will work to strengthen the international drug control regime."),
    ("probe81-83", "SEM", (1, 0, 1),
     "They call for strict compliance with the existing regime of arms control."),
    ("probe81-83", "SM", (0, 0),
     "Tourists benefit from the simplified visa regime."),
    # --- round 30: docs/coding/probe84/ to probe86/ ---
    # the site of an anti-terrorist exercise is where it is held, unless the sentence also
    # has economic content; a call on a region's residents is no call on the international
    # community, a call on all states still is
    ("probe84-86", "SE", (1, 0),
     "Competent authorities hold a joint anti-terrorist exercise on railway transport"),
    ("probe84-86", "SE", (1, 0),
     "The counter-terrorist exercise was held at a railway station in Almaty."),
    ("probe84-86", "SE", (1, 1),
     "The ministers discussed railway transport and trade, and a joint anti-terrorist "
     "exercise."),
    ("probe84-86", "M", (0,),
     "We call on all residents of the region to help keep the air clean."),
    ("probe84-86", "M", (1,),
     "We call on all states to respect the norms of international law."),
    # --- round 31: docs/coding/probe87/ to probe89/ ---
    # the recruitment of young people (by terrorists and extremists) is security; the
    # recruitment of labour migrants is not
    ("probe87-89", "S", (1,),
     "The operation countered the recruitment of young people via the Internet."),
    ("probe87-89", "S", (1,),
     "Vigilance in the family is the best protection against recruiters."),
    ("probe87-89", "S", (0,),
     "The parties discussed the organised recruitment of labour migrants."),
    # the interest of other countries in the SCO is its standing (rule 9); interest in
    # what the SCO does about something is not
    ("probe87-89", "M", (1,),
     "Against this background, interest in the SCO continues to grow."),
    ("probe87-89", "M", (1,),
     "Many observers speak of the growing interest of other countries in the SCO."),
    ("probe87-89", "M", (0,),
     "The guests showed particular interest in the SCO's approaches to tourism."),
    # protecting critical infrastructure is security, not against a disaster (rule 6)
    ("probe87-89", "SE", (1, 0),
     "A seminar on protecting critical infrastructure facilities was held in Tashkent."),
    ("probe87-89", "S", (0,),
     "They discussed the protection of critical infrastructure against earthquakes and "
     "floods."),
    # customs against smuggling, or customs enforcement, are law enforcement; customs
    # procedures for trade are economy
    ("probe87-89", "SE", (1, 0),
     "The customs services exchanged information on smuggling by post."),
    ("probe87-89", "SE", (1, 0),
     "They noted cooperation with the WCO in the field of customs enforcement."),
    ("probe87-89", "E", (1,),
     "The customs services agreed to simplify procedures for trade."),
    # --- round 32: docs/coding/probe90/ to probe92/ ---
    # violence against women is a question of human rights, not security; violence in a
    # conflict still is
    ("probe90-92", "S", (0,),
     "Violence against women remains one of the most widespread violations of human rights."),
    ("probe90-92", "S", (1,),
     "The escalation of violence in the region threatens its stability."),
    # financial intelligence units are a kind of body; a convention's name does not carry
    # the production of its title; export controls are non-proliferation
    ("probe90-92", "E", (0,),
     "The heads of financial intelligence units met in Astana."),
    ("probe90-92", "SEM", (1, 0, 1),
     "The Convention on the Prohibition of the Development, Production and Stockpiling of "
     "Biological Weapons must be strictly observed."),
    ("probe90-92", "SE", (1, 0),
     "They will share experience in building national export control systems."),
    ("probe90-92", "SE", (1, 0),
     "Customs services will cooperate against illicit trafficking in nuclear materials."),
    # interest in closer ties with the SCO is its standing (rule 9); the recruitment of
    # labour migrants is labour migration, not economy
    ("probe90-92", "M", (1,),
     "Which other countries have expressed interest in closer ties with the SCO?"),
    ("probe90-92", "E", (0,),
     "They discussed the organised recruitment of labour migrants."),
    # --- round 33: docs/coding/probe93/ to probe95/ ---
    # persons handed over and extradition are law enforcement; a reference to an attack
    ("probe93-95", "S", (1,),
     "Among them are 6 persons handed over by Russia to Uzbekistan."),
    ("probe93-95", "S", (1,),
     "The two persons were extradited to the Kyrgyz Republic."),
    # cooperatives are enterprises; broadband and cloud services are the digital economy
    ("probe93-95", "E", (1,),
     "Many cooperatives continued to supply food to the population."),
    ("probe93-95", "E", (0,),
     "The parties acted in a cooperative spirit."),
    ("probe93-95", "E", (1,),
     "Broadband coverage and cloud services are unevenly distributed."),
    # consumer-rights bodies named as those who meet; statistics are public administration
    ("probe93-95", "E", (0,),
     "Heads of consumer rights protection bodies of SCO member states meet in Hangzhou"),
    ("probe93-95", "E", (0,),
     "The main topic was the digital transformation of national statistical systems."),
    ("probe93-95", "E", (1,),
     "The main topic was the digital transformation of small and medium-sized enterprises."),
    # interest in deepening cooperation with the SCO is its standing (rule 9)
    ("probe93-95", "M", (1,),
     "He reaffirmed his country's interest in deepening practical cooperation with the SCO."),
    # --- round 34: docs/coding/probe96/ to probe98/ ---
    # a command-staff exercise of emergency services is no security (rule 6); of armed
    # forces it is
    ("probe96-98", "S", (0,),
     "The emergency services held a joint command-staff exercise in Kyrgyzstan."),
    ("probe96-98", "S", (1,),
     "The command-staff exercise of the armed forces was held in Chebarkul."),
    # the European External Action Service is an outside organisation; neutrality is a
    # principle of relations among states, carbon neutrality is not
    ("probe96-98", "M", (1,),
     "The Secretary-General received a delegation of the European External Action Service."),
    ("probe96-98", "M", (1,),
     "Statement of the SCO Secretariat on the International Day of Neutrality"),
    ("probe96-98", "M", (0,),
     "The company aims to reach carbon neutrality by 2060."),
    # the first observer of the SCO is enlargement (rule 10); heads of investment promotion
    # agencies are those who meet
    ("probe96-98", "M", (1,),
     "Mongolia became the first observer of the SCO in 2004."),
    ("probe96-98", "E", (0,),
     "They supported holding a meeting of the heads of investment promotion agencies."),
    # --- round 35: docs/coding/probe99/ to probe101/ ---
    # the slave trade is history, not trade; a country of transit is a place
    ("probe99-101", "E", (0,),
     "The transatlantic slave trade was one of the gravest injustices in history."),
    ("probe99-101", "E", (0,),
     "Fighters return to their countries of origin or transit."),
    # the murder of diplomats is crime; the Vienna Convention is international law
    ("probe99-101", "S", (1,),
     "Statement in connection with the murder of diplomats in Islamabad"),
    ("probe99-101", "M", (1,),
     "States have obligations under the Vienna Convention on Diplomatic Relations."),
    # the SCO, the CSTO and the CIS as three structures; road transport and tax heads meet
    ("probe99-101", "M", (1,),
     "Regular contacts between the three structures avoid overlaps."),
    ("probe99-101", "E", (0,),
     "Meeting of the heads of road transport administrations held in Tashkent"),
    ("probe99-101", "E", (0,),
     "The meeting of the heads of the tax authorities was held in Beijing."),
    # dangerous weather is a hazard (rule 6); hostages held at a transport facility of a
    # scenario are no transport
    ("probe99-101", "S", (0,),
     "They discussed early warning of dangerous hydrometeorological phenomena."),
    ("probe99-101", "SE", (1, 0),
     "Terrorists seized a transport infrastructure facility with hostages."),
    # --- round 36: docs/coding/probe102/ to probe104/ ---
    # the manufacture of arms is arms control, not production; of cars it is production
    ("probe102-104", "SE", (1, 0),
     "They are concerned about the illicit manufacture and circulation of small arms."),
    ("probe102-104", "E", (1,),
     "The plant began the manufacture of electric cars."),
    # no state's security at the expense of others' is a principle (rule 8)
    ("probe102-104", "SM", (1, 1),
     "The security of one state cannot be ensured at the expense of the security of other "
     "states."),
    # standards and transport documents are economy; diseases imported are not trade
    ("probe102-104", "E", (1,),
     "They discussed cooperation in conformity assessment and halal standards."),
    ("probe102-104", "E", (1,),
     "They agreed to introduce electronic permits and electronic consignment notes."),
    ("probe102-104", "E", (0,),
     "They discussed measures to prevent the import and spread of infectious diseases."),
    # --- round 37: docs/coding/probe105/ to probe107/ ---
    # propaganda online is extremist propaganda; aviation beside ground forces is armed force
    ("probe105-107", "S", (1,),
     "Young people are the main target of propaganda in social networks."),
    ("probe105-107", "SE", (1, 0),
     "The exercise practised the interaction of ground forces and aviation."),
    ("probe105-107", "E", (1,),
     "They discussed the development of civil aviation and new air routes."),
    # a secure or orderly information space is information security (rule 5); a safer world
    ("probe105-107", "S", (1,),
     "They support a peaceful, secure, open, cooperative and orderly ICT environment."),
    ("probe105-107", "S", (1,),
     "Together we can build a safer world for our children."),
    # the uninterrupted supply of goods is trade; a welcome to the SCO family is enlargement
    ("probe105-107", "E", (1,),
     "They stressed the uninterrupted supply of medicines across borders."),
    ("probe105-107", "M", (1,),
     "Today they were welcomed into the SCO family."),
    ("probe105-107", "M", (1,),
     "Welcome to the SCO family!"),
    # the heads of the competent authorities of the border services are those who meet
    ("probe105-107", "S", (0,),
     "The meeting of the heads of the competent authorities of the border services was held "
     "in Urumqi."),
    # --- round 38: docs/coding/probe108/ to probe110/ ---
    # the safety of navigation and of routes is security; the SCO family that has grown is
    # enlargement (rule 10)
    ("probe108-110", "S", (1,),
     "They stressed the importance of the safety of navigation in the Gulf."),
    ("probe108-110", "M", (1,),
     "The SCO family has grown to twenty-six countries."),
    # science, technology and innovation as a field is not economy without economic content
    ("probe108-110", "E", (0,),
     "They agreed to expand cooperation in science, technology and innovation."),
    ("probe108-110", "E", (1,),
     "Science, technology and innovation drive economic growth."),
    ("probe108-110", "E", (1,),
     "They will strengthen the protection of intellectual property rights."),
    # the fields of study of the SCO University; goods the Silk Road carried in history
    ("probe108-110", "E", (0,),
     "The University trains students in regional studies, ecology, energy and IT."),
    ("probe108-110", "E", (0,),
     "Along the Silk Road travelled not only goods but also ideas and beliefs."),
    # those an operation involved are its participants (Names and lists)
    ("probe108-110", "SE", (1, 0),
     "The anti-drug operation involved the border services and customs authorities."),
    # --- round 39: docs/coding/probe111/ to probe113/ ---
    # food insecurity is food security named (rule 5); command and control is armed force
    ("probe111-113", "S", (1,),
     "Climate change, food insecurity and pandemics know no borders."),
    ("probe111-113", "S", (1,),
     "Joint command and control was tested during the exercise."),
    ("probe111-113", "S", (1,),
     "Their specialists have long experience in protecting information networks."),
    # cities beside enterprises are actors of other kinds; technology in registering
    # migrants is public administration; legal assistance in civil and criminal matters
    ("probe111-113", "E", (0,),
     "Our cooperation rests on the contacts of provinces, cities and enterprises."),
    ("probe111-113", "E", (0,),
     "They discussed the use of digital technologies in migration registration."),
    ("probe111-113", "S", (0,),
     "The ministers discussed legal assistance in civil and criminal matters."),
    # --- round 40: docs/coding/probe114/ to probe116/ ---
    # the political settlement of a conflict is peace, not a principle (rule 8)
    ("probe114-116", "SM", (1, 0),
     "The talks give hope for a political settlement of the conflict."),
    ("probe114-116", "M", (1,),
     "They reaffirm the principle of the peaceful settlement of disputes."),
    # a condemned explosion is an attack; digital forensics is law enforcement
    ("probe114-116", "S", (1,),
     "The Secretariat strongly condemns the explosion at a school."),
    ("probe114-116", "S", (1,),
     "They agreed to share best practices in digital forensics."),
    # international financial institutions are outside organisations, not finance
    ("probe114-116", "EM", (0, 1),
     "The SCO develops contacts with international financial institutions."),
    # tourism products are the tourism industry; railway heads who meet are participants
    ("probe114-116", "E", (1,),
     "They agreed on the joint promotion of tourism products."),
    ("probe114-116", "E", (0,),
     "The heads of railway administrations met in Astana."),
    # --- round 41: docs/coding/probe117/ to probe119/ ---
    # the SCO's own observers are its partners; its heads of special services meet
    ("probe117-119", "M", (1,),
     "The interest of our observers is concentrated on trade and transport."),
    ("probe117-119", "S", (0,),
     "The next meeting of the heads of the special services will be held in Moscow."),
    ("probe117-119", "E", (0,),
     "The heads of the investment promotion agencies met in Dushanbe."),
    # technology in museums is not economic activity; the Silk Road's goods are history
    ("probe117-119", "E", (0,),
     "They discussed digital technologies for restoring monuments and virtual museums."),
    ("probe117-119", "E", (0,),
     "It was a route not only for goods but also for knowledge and ideas."),
    # --- round 42: docs/coding/probe120/ to probe122/ ---
    # integration associations are outside organisations; the Economic Belt is a name
    ("probe120-122", "M", (1,),
     "The SCO does not seek to replace other integration associations in Eurasia."),
    ("probe120-122", "E", (0,),
     "They support linking the Eurasian Economic Union with the Silk Road Economic Belt."),
    # agricultural science is science; a mine accident is a disaster; access to employment
    # is social inclusion
    ("probe120-122", "E", (0,),
     "Universities will cooperate in the agricultural sciences."),
    ("probe120-122", "E", (0,),
     "We learned with sorrow of the accident at a coal mine in the region."),
    ("probe120-122", "E", (0,),
     "The pandemic limited their access to health care, education and employment."),
    # --- round 43: docs/coding/probe123/ to probe125/ ---
    # the cooperation of the defence ministries is defence cooperation, not a list of
    # ministries; a list of ministries still carries no frame
    ("probe123-125", "S", (1,),
     "The ministers approved the plan of cooperation between the defence ministries for "
     "2027-2028."),
    ("probe123-125", "S", (1,),
     "They approved the Plan of Cooperation of the Ministries of Defence for 2027-2028."),
    ("probe123-125", "SE", (0, 0),
     "The meeting was attended by the ministers of defence and transport of the member "
     "states."),
    # aviation security protects civil aviation: security without the airline business
    ("probe123-125", "SE", (1, 0),
     "The experts discussed aviation security in the region."),
    # new regular or scheduled flights are transport links
    ("probe123-125", "E", (1,),
     "The sides welcomed the launch of regular flights between their capitals."),
    # speaking up in defence of rights is advocacy; a life free from violence is a right
    ("probe123-125", "S", (0,),
     "The Secretariat raises its voice in defence of the rights of children."),
    ("probe123-125", "S", (0,),
     "Every child has the right to grow up free from violence."),
    # a body's media outreach is publicity, not relations with other organisations
    ("probe123-125", "M", (0,),
     "The briefing was part of the Secretariat's media outreach."),
    # taking part in shaping international rules is global governance
    ("probe123-125", "M", (1,),
     "They call for the equal participation of all countries in shaping international "
     "rules on data."),
    # --- round 44: docs/coding/probe126/ to probe128/ ---
    # fraud is a crime; the accounts it uses are money serving security
    ("probe126-128", "SE", (1, 0),
     "They blocked fraudulent call centres and bank accounts."),
    ("probe126-128", "S", (1,),
     "Young people are the most vulnerable to online fraud."),
    # the services sector and remittances are the economy
    ("probe126-128", "E", (1,),
     "They discussed the training of specialists for the services sector."),
    ("probe126-128", "E", (1,),
     "The Secretariat supports lowering the cost of migrant remittances."),
    # road safety is public safety, not the transport economy
    ("probe126-128", "E", (0,),
     "Road traffic injuries remain a leading cause of death among young people."),
    ("probe126-128", "E", (0,),
     "Road safety remains a priority of the member states."),
    # technology applied to telemedicine is public health, not the economy
    ("probe126-128", "E", (0,),
     "They shared experience in using digital technologies for telemedicine."),
    # the SCO remains open: enlargement; the Gulf states are non-member states
    ("probe126-128", "M", (1,),
     "I can say only that the SCO remains open to those who share its goals."),
    ("probe126-128", "M", (1,),
     "Which areas of cooperation with the Gulf states look most promising?"),
    # --- round 45: docs/coding/probe129/ to probe131/ ---
    # the name of a university of economics carries no economy
    ("probe129-131", "E", (0,),
     "He gave a lecture to the students of the University of World Economy and Diplomacy."),
    # the SCO's standing, the international environment, international humanitarian law
    # and the Organisation's international contacts are multilateralism
    ("probe129-131", "M", (1,),
     "How would you describe the SCO's standing in the world today?"),
    ("probe129-131", "M", (1,),
     "How do you see the role of the Organisation in today's international environment?"),
    ("probe129-131", "SM", (1, 1),
     "Attacks on civilians run counter to international humanitarian law."),
    ("probe129-131", "M", (1,),
     "A chapter is devoted to the Organisation's international contacts."),
    ("probe129-131", "M", (1,),
     "She reviewed the integration processes in Eurasia since the 1990s."),
    # persons detained are law enforcement; a UN department's name is multilateralism only
    ("probe129-131", "S", (1,),
     "More than 300 persons were detained during the operation."),
    ("probe129-131", "SM", (0, 1),
     "They met the Department of Political and Peacebuilding Affairs."),
    # --- round 46: docs/coding/probe132/ to probe134/ ---
    # the International Day of Peace is peace as the absence of armed conflict
    ("probe132-134", "S", (1,),
     "Statement by the SCO Secretariat on the International Day of Peace"),
    # an alternative narrative counters extremist propaganda
    ("probe132-134", "S", (1,),
     "We must promote a positive alternative narrative among young people."),
    # no state alone can cope: collective action among states
    ("probe132-134", "M", (1,),
     "No State alone can cope with these challenges."),
    # a university's name and a department's name carry no economy; technology applied to
    # legal services is public technology
    ("probe132-134", "E", (0,),
     "Students of the University of International Business and Economics visited us."),
    ("probe132-134", "E", (0,),
     "They met experts of the Secretariat's economic cooperation department."),
    ("probe132-134", "E", (0,),
     "They discussed digital technologies in the provision of legal services."),
    # --- round 47: docs/coding/probe135/ to probe137/ ---
    # the role of the SCO in the world; the drug control conventions are international law;
    # contacts between secretariats are relations with another organisation
    ("probe135-137", "M", (1,),
     "Declaration on Strengthening the Role of the SCO in the World"),
    ("probe135-137", "SM", (1, 1),
     "Legalising narcotic drugs runs counter to the international drug control conventions."),
    ("probe135-137", "M", (1,),
     "They noted the importance of regular contacts at the level of the secretariats."),
    # a historical route and a state's science policy are not the economy
    ("probe135-137", "E", (0,),
     "Tea connected the peoples of the region along the Ancient Tea Horse Road."),
    ("probe135-137", "E", (0,),
     "They exchanged views on national priorities in scientific and technological policy."),
    # --- round 48: docs/coding/probe138/ to probe140/ ---
    # homes and infrastructure a disaster destroys are what it strikes, not the economy,
    # unless the sentence gives its economic consequences
    ("probe138-140", "E", (0,),
     "The flood caused the destruction of homes and infrastructure in three districts."),
    # (a guard: the reconstruction of what it struck is the economy, as before)
    ("probe138-140", "E", (1,),
     "The government allocated funds for the reconstruction of damaged infrastructure "
     "after the earthquake."),
    # power generation and the transfer of technologies are economic activity
    ("probe138-140", "E", (1,),
     "The experts shared their experience in solar and wind power generation."),
    ("probe138-140", "E", (1,),
     "The centre serves as a platform for transferring advanced technologies."),
    # collective action of all countries; a new member's first year in the Organisation
    ("probe138-140", "M", (1,),
     "Protecting the planet requires the joint efforts of all countries."),
    ("probe138-140", "M", (1,),
     "The Republic's first year in the SCO has been a year of active participation."),
    # a figurative price is no price
    ("probe138-140", "E", (0,),
     "The shrinking lake shows the price of neglecting nature."),
    # --- round 49: docs/coding/probe141/ to probe143/ ---
    # joint and coordinated operations of law enforcement are security; not a rescue
    # operation against a disaster (a guard: blocked by the hazard, as before)
    ("probe141-143", "S", (1,),
     "They will conduct coordinated operations along the common borders."),
    ("probe141-143", "S", (0,),
     "After the earthquake the rescue teams exchanged operational information."),
    # linking national development strategies is the economy
    ("probe141-143", "E", (1,),
     "The platform serves for linking the national development strategies of our countries."),
    # the shift of the centres of economic growth shapes the world order; the SCO's place in
    # the world; the inviolability of borders is a principle, not border control
    ("probe141-143", "EM", (0, 1),
     "The shift of the centres of economic growth is shaping a new world."),
    ("probe141-143", "M", (1,),
     "How do you see the place of the SCO in today's world?"),
    ("probe141-143", "SM", (0, 1),
     "They reaffirmed the principles of sovereignty and the inviolability of state borders."),
    # the SCO family (members, observers and partners)
    ("probe141-143", "M", (1,),
     "Today the SCO family unites 26 countries."),
    # a body's and a financial centre's names
    ("probe141-143", "E", (0,),
     "They visited the Court of the Astana International Financial Centre."),
    ("probe141-143", "E", (0,),
     "They welcomed the activities of the SCO Demonstration Base for Exchanges and Training "
     "in Agricultural Technology."),
    # --- round 50: docs/coding/probe144/ to probe146/ ---
    # a group in lower case that holds a meeting exists: its name carries no frame (rule 2),
    # as its capitalised name does; one to be set up is still the subject (a guard)
    ("probe144-146", "S", (0,),
     "On 19 May 2022, a meeting of the expert group on energy security was held in Tashkent."),
    ("probe144-146", "E", (0,),
     "Meeting of the SCO working group on the digital economy held in Tashkent"),
    ("probe144-146", "S", (1,),
     "The ministers agreed to set up an expert group on energy security."),
    # fields of law, a newspaper's and a committee's names, the field of digitalisation and
    # ICT are not the economy; a market is the place of an attack
    ("probe144-146", "E", (0,),
     "They discussed legal assistance in civil, family and commercial matters."),
    ("probe144-146", "E", (0,),
     "The Secretary-General answered questions from The Economic Times."),
    ("probe144-146", "E", (0,),
     "The meeting was chaired by the State Revenue Committee of Kazakhstan."),
    ("probe144-146", "E", (0,),
     "They considered a draft Concept of cooperation in the field of digitalisation and "
     "information and communication technologies."),
    ("probe144-146", "SE", (1, 0),
     "A terrorist attack was committed near a market in the city of Quetta."),
    # customs offences are crime; photovoltaic power stations are energy as an asset
    ("probe144-146", "SE", (1, 0),
     "They exchanged views on combating customs offences."),
    ("probe144-146", "E", (1,),
     "Experts presented the construction of photovoltaic power stations in western China."),
    # --- round 51: docs/coding/probe147/ to probe149/ ---
    # drones against forest fires are a tool against a hazard (rule 6); a format named for
    # its participants' portfolio carries no frame (rule 2)
    ("probe147-149", "S", (0,),
     "They shared experience in the use of unmanned aerial vehicles to detect forest fires."),
    ("probe147-149", "S", (0,),
     "The meeting of the heads of the competent authorities of the SCO member states "
     "responsible for combating illicit drug trafficking was held in Astana."),
    # a figure of speech, a disaster's damage, public administration's funds and services
    ("probe147-149", "E", (0,),
     "Wildfires, fuelled by droughts, caused damage to settlements and infrastructure."),
    ("probe147-149", "E", (0,),
     "They discussed auditing the use of budget funds."),
    ("probe147-149", "E", (0,),
     "They shared their experience in the digitalisation of migration services."),
    # the SCO's image abroad and its openness to all who share its principles
    ("probe147-149", "M", (1,),
     "Too often, audiences abroad learn about the SCO from stereotypes."),
    ("probe147-149", "M", (1,),
     "We are open to cooperation with all those who share these principles."),
    # --- round 52: docs/coding/probe150/ to probe152/ ---
    # a UN working group's name carries multilateralism, not the security its words name
    ("probe150-152", "SM", (0, 1),
     "The experts reviewed the work of the UN Open-Ended Working Group on developments in the "
     "field of information and telecommunications in the context of international security."),
    # border checkpoints and passport control are border control
    ("probe150-152", "S", (1,),
     "The delegations visited the border checkpoint of the port of Qingdao."),
    ("probe150-152", "S", (1,),
     "The Chinese side presented its automated passport control system."),
    # ancient trade routes are heritage
    ("probe150-152", "E", (0,),
     "The photographs show caravanserais along the ancient trade routes."),
    # --- round 53: docs/coding/probe153/ to probe155/ ---
    # financial intelligence serves a security matter (money that serves security)
    ("probe153-155", "SE", (1, 0),
     "We should expand the exchange of financial intelligence between the competent "
     "authorities."),
    # the names of external organisations; international financial institutions
    ("probe153-155", "M", (1,),
     "The Secretary-General met the head of the ICRC delegation."),
    ("probe153-155", "EM", (0, 1),
     "The SCO will work with the International Fund for Saving the Aral Sea."),
    ("probe153-155", "EM", (0, 1),
     "The Organisation develops contacts with international and regional financial "
     "institutions."),
    # theatre companies and television co-productions are culture; a figurative price
    ("probe153-155", "E", (0,),
     "They will organise tours of theatre companies and folk ensembles."),
    ("probe153-155", "E", (0,),
     "The draft provides for the co-production of television programmes."),
    ("probe153-155", "E", (0,),
     "The Aral Sea reminds us how high the price of careless water use can be."),
    # --- round 54: docs/coding/probe156/ to probe158/ ---
    # a body's working group in lower case is named as the body is (rule 2)
    ("probe156-158", "E", (0,),
     "Meeting of the SCO Business Council working group on energy held via videoconference"),
    # a format named for its participants; anti-corruption education is education
    ("probe156-158", "S", (0,),
     "A meeting of the heads of the competent authorities of the SCO Member States in charge "
     "of combating corruption was held in Astana."),
    ("probe156-158", "S", (0,),
     "The guests were briefed on anti-corruption education in schools."),
    # international relations as a field of study; passenger traffic
    ("probe156-158", "M", (0,),
     "The Secretariat hosted a group of students studying international relations."),
    ("probe156-158", "E", (1,),
     "The delegations noted the growth of passenger traffic between the Member States."),
    # --- round 55: docs/coding/probe159/ to probe161/ ---
    # a date before a comma is no name, so what follows is the main clause (rule 13 is
    # about names): the day it marks keeps its subject
    ("probe159-161", "SM", (1, 1),
     "Today, 5 June, the world marks the International Day of Peace, proclaimed by the "
     "United Nations General Assembly."),
    ("probe159-161", "S", (1,),
     "On Monday, the ministers discussed regional security, which remains a priority."),
    # promoting peace (the absence of armed conflict); the protection of borders and borders
    # kept safe (border control); the UNODC report on drugs states its subject
    ("probe159-161", "S", (1,),
     "The two organisations share a common interest in promoting peace and good "
     "neighbourliness."),
    ("probe159-161", "S", (1,),
     "The delegations exchanged views on the protection of borders with neighbouring states."),
    ("probe159-161", "S", (1,),
     "Keeping our common borders safe remains the task of the border regions."),
    ("probe159-161", "S", (1,),
     "The seminar opened with a presentation of the UNODC World Drug Report."),
    # a region's industrial history describes the place (rule 4)
    ("probe159-161", "E", (0,),
     "The delegates visited Chelyabinsk, a city with a proud industrial history."),
    # 'third countries' as the place fighters go: a destination, not a relation
    ("probe159-161", "SM", (1, 0),
     "Terrorist fighters are leaving conflict zones and relocating to third countries."),
    ("probe159-161", "M", (1,),
     "The SCO is open to cooperation with third countries."),
    # --- round 56: docs/coding/probe162/ to probe164/ ---
    # a body's financial report on its budget is its internal organisation (Neither)
    ("probe162-164", "E", (0,),
     "The Council approved the Secretariat's financial report for 2023."),
    # an economic actor in a list beside business associations and agencies (Unit and form)
    ("probe162-164", "E", (0,),
     "I am glad to see representatives of government agencies, business associations, "
     "banks and companies."),
    # global growth; food processing is economic content beside food security (rule 5)
    ("probe162-164", "E", (1,),
     "The minister spoke of the risks to global growth."),
    ("probe162-164", "SE", (1, 1),
     "Farming and food processing are vital for food security in the region."),
    # road transport facilitation: drivers, permits, the TIR Convention
    ("probe162-164", "E", (1,),
     "The delegations discussed visa procedures for professional drivers."),
    ("probe162-164", "E", (1,),
     "The sides agreed to consult on the use of multiple-entry permits."),
    ("probe162-164", "E", (1,),
     "Several delegations spoke about the application of the TIR Convention."),
    # --- round 57: docs/coding/probe165/ to probe167/ ---
    # actions against civilians and their protection (armed conflict)
    ("probe165-167", "S", (1,),
     "The ministers condemned all actions against civilians in the region."),
    ("probe165-167", "S", (1,),
     "The protection of civilians is an obligation of all parties."),
    # joint customs operations against smuggling are law enforcement, not trade
    ("probe165-167", "SE", (1, 0),
     "The services reported on the results of joint customs operations."),
    # unilateral restrictive measures: sanctions (rule 7) and the rejection of unilateralism
    ("probe165-167", "EM", (1, 1),
     "The ministers spoke against unilateral restrictive measures."),
    # openness to all interested states; third countries as a route
    ("probe165-167", "M", (1,),
     "The Member States remain open to cooperation with all interested States."),
    ("probe165-167", "M", (0,),
     "Some fighters try to return home through third countries."),
    # --- round 58: docs/coding/probe168/ to probe170/ ---
    # maximum restraint (de-escalating a conflict)
    ("probe168-170", "S", (1,),
     "They call on all parties to exercise maximum restraint."),
    # participants named in a parenthesis end at its comma: what follows is the clause's own
    ("probe168-170", "E", (1,),
     "They instructed the expert group, with the participation of the Secretariat, to "
     "prepare a concept of trade cooperation."),
    ("probe168-170", "E", (0,),
     "The forum was held with the participation of ministries of economy, trade and "
     "transport."),
    # multimodal transport, the cooperative movement, new sources of growth
    ("probe168-170", "E", (1,),
     "They agreed on a list of priority multimodal routes."),
    ("probe168-170", "E", (1,),
     "The Secretariat supports efforts to promote the cooperative movement."),
    ("probe168-170", "E", (1,),
     "Experts can help the search for new sources of growth in the region."),
    # a port city described (rule 4); the SCO's standing (rule 9)
    ("probe168-170", "E", (0,),
     "Tianjin is a modern port city with a long history."),
    ("probe168-170", "M", (1,),
     "The SCO is one of the most representative organisations in the world."),
    # --- round 59: docs/coding/probe171/ to probe173/ ---
    # a group in lower case that has a plan of work exists, named as its capitalised form
    # is (rule 2); one being set up is the sentence's subject
    ("probe171-173", "E", (0,),
     "They approved the plan of work of the expert group on financial cooperation."),
    ("probe171-173", "E", (1,),
     "They discussed the establishment of the expert group on financial cooperation."),
    # membership dated ("has been a full member since") is no enlargement (rule 10)
    ("probe171-173", "M", (0,),
     "Pakistan has been a full member since 2017."),
    ("probe171-173", "M", (0,),
     "Cooperation with India has grown since it became a full member in 2017."),
    # formats named for their participants (rule 2)
    ("probe171-173", "S", (0,),
     "A meeting of the heads of counter-terrorism units was held in Tashkent."),
    ("probe171-173", "S", (0,),
     "Bishkek hosts the meeting of the heads of the SCO member states' drug control agencies"),
    # non-violence as a day's and a teaching's name; public infrastructure; goods in history
    ("probe171-173", "S", (0,),
     "Gandhi's teaching of non-violence has inspired many generations."),
    ("probe171-173", "E", (0,),
     "The Indian side presented its experience in building digital public infrastructure."),
    ("probe171-173", "E", (0,),
     "The caravans carried not only goods, but also skills and ideas."),
    # --- round 60: docs/coding/probe174/ to probe176/ ---
    # participants listed in a relative clause ("who have come from") carry no frame; a
    # relative clause is no parenthesis that ends at its first comma
    ("probe174-176", "M", (0,),
     "I thank all the participants, who have come from the Member States, observer states, "
     "dialogue partners and international organisations."),
    # figurative prices; a museum's name; the expansion of the SCO University's network
    ("probe174-176", "E", (0,),
     "The peoples paid an immense price for the freedom of future generations."),
    ("probe174-176", "S", (0,),
     "The delegations visited the Museum of the Terracotta Army."),
    ("probe174-176", "M", (0,),
     "They will discuss the expansion of the SCO University network."),
    # a changing world as the backdrop of a domestic subject (rule 3)
    ("probe174-176", "M", (0,),
     "The world is changing rapidly, and young people face new challenges."),
    # technology in the work of ombudsman offices is public administration's
    ("probe174-176", "E", (0,),
     "They discussed the use of digital technologies in the work of ombudsman offices."),
    # --- round 61: docs/coding/probe177/ to probe179/ ---
    # the Second World War called the most destructive conflict: a war of the past
    ("probe177-179", "S", (0,),
     "This year marks 75 years since the end of the Second World War, the most destructive "
     "conflict in history."),
    # joint ventures, acceleration programmes and pitch sessions (business)
    ("probe177-179", "E", (1,),
     "The friendships that begin here may become the joint ventures of tomorrow."),
    ("probe177-179", "E", (1,),
     "We will organise acceleration programmes and pitch sessions for young founders."),
    # the screening of passengers and cargo is aviation security, not trade
    ("probe177-179", "SE", (1, 0),
     "They discussed aviation security, including the screening of passengers and cargo."),
    # a World Heritage site's name
    ("probe177-179", "E", (0,),
     "They welcomed the nomination of the Routes Network of Chang'an-Tianshan Corridor."),
    # --- round 62: docs/coding/probe180/ to probe182/ ---
    # the Gaza Strip named with humanitarian access is no conflict by its name alone; the
    # forced displacement of a population is
    ("probe180-182", "S", (0,),
     "They stress the need to ensure unhindered access of humanitarian assistance to the "
     "population of the Gaza Strip."),
    ("probe180-182", "S", (1,),
     "They reject any attempts at the forced displacement of the population."),
    # illicit purposes (crime); the stability of states undermined by ICTs (security, not
    # economy); the Paris Agreement and the Astana format (outside instruments and formats)
    ("probe180-182", "SE", (1, 0),
     "They discussed the use of virtual assets and new payment technologies for illicit "
     "purposes."),
    ("probe180-182", "SE", (1, 0),
     "They oppose the use of ICTs to undermine the political, economic and social stability "
     "of states."),
    ("probe180-182", "M", (1,),
     "The leaders reaffirmed their commitment to the Paris Agreement."),
    ("probe180-182", "M", (1,),
     "They note the contribution of the Astana format."),
    # the SCO's own budget and finances are its internal organisation; infrastructure a
    # disaster damages is what it hits; crafts, sports facilities, farm drones, UNESCO lists
    ("probe180-182", "E", (0,),
     "They stressed the importance of financial discipline and the payment of contributions."),
    ("probe180-182", "E", (0,),
     "The mudflow caused serious damage to homes, roads and other infrastructure."),
    ("probe180-182", "S", (0,),
     "They support research on the use of unmanned aerial vehicles for agricultural "
     "purposes."),
    ("probe180-182", "M", (0,),
     "Carpet weaving is inscribed on UNESCO's Representative List of the Intangible Cultural "
     "Heritage of Humanity."),
    ("probe180-182", "E", (0,),
     "They discussed the development of sports infrastructure."),
    # the TIR system (transit)
    ("probe180-182", "E", (1,),
     "The delegation presented the application of the TIR system in the region."),
    # --- round 63: docs/coding/probe183/ to probe185/ ---
    # violence against women as a social issue, gender equality (not a principle of
    # international relations), a line of defence as a figure of speech
    ("probe183-185", "S", (0,),
     "The member states work to support victims of violence and to raise public awareness."),
    ("probe183-185", "M", (0,),
     "The Forum promotes gender equality and the empowerment of women."),
    ("probe183-185", "S", (0,),
     "Journalists can be the first line of defence against lies."),
    # new points of growth; a format and a section named for their participants and field
    ("probe183-185", "E", (1,),
     "The Forum will help the search for new points of growth."),
    ("probe183-185", "E", (0,),
     "The meeting of the Heads of Central (National) Banks was held in Almaty."),
    ("probe183-185", "E", (0,),
     "A regular meeting of the Energy Section of the SCO Business Council was held."),
    # transport and industry as sources of emissions; agriculture adapted to the climate
    ("probe183-185", "E", (0,),
     "They exchange experience in reducing emissions from transport and industry."),
    ("probe183-185", "E", (0,),
     "They support cooperation in combating desertification and adapting agriculture to "
     "climate change."),
    # --- round 64: docs/coding/probe186/ to probe188/ ---
    # a nuclear-weapon-free zone is a treaty regime (security and multilateralism); a
    # nuclear arsenal; settling a situation; new risks and challenges
    ("probe186-188", "SM", (1, 1),
     "They note the importance of the Treaty on a Nuclear-Weapon-Free Zone in Central Asia."),
    ("probe186-188", "S", (1,),
     "Its voluntary renunciation of the nuclear arsenal set an example for the world."),
    ("probe186-188", "S", (1,),
     "They support international efforts to settle the situation in that country."),
    ("probe186-188", "S", (1,),
     "They noted that new risks and challenges are emerging."),
    # formats and bodies named for their field (rule 2); information infrastructure is no
    # economy by itself; figurative investment; a principle within a state
    ("probe186-188", "E", (0,),
     "The next meeting of the heads of the tax services will be held in 2025."),
    ("probe186-188", "S", (0,),
     "The Committee for Emergency Situations and Civil Defence carried out rescue work."),
    ("probe186-188", "E", (0,),
     "They stress the stable functioning of information and communication infrastructure."),
    ("probe186-188", "E", (0,),
     "Education is one of the best investments in the future."),
    ("probe186-188", "M", (0,),
     "They stress social cohesion and the equal rights of all citizens."),
    # the Organisation's profile (its standing, rule 9)
    ("probe186-188", "M", (1,),
     "Cooperation within the SCO is the basis for raising the Organisation's profile."),
    # --- round 65: docs/coding/probe189/ to probe191/ ---
    # a peaceful Afghanistan in the interest of all countries: no relation with the SCO; a
    # non-member that expressed its interest in cooperation is one
    ("probe189-191", "M", (0,),
     "A peaceful and stable Afghanistan is in the interests of all countries of the region."),
    ("probe189-191", "M", (1,),
     "Khamphao Ernthavanh noted the interest of Vientiane in cooperation in trade."),
    # the doors of the Organisation open (rule 10); its trans-regional character (rule 9);
    # membership dated by joining (rule 10); a national customs service's name
    ("probe189-191", "M", (1,),
     "The doors of the Organisation remain open."),
    ("probe189-191", "M", (1,),
     "This reach gives our Organisation a genuinely trans-regional character."),
    ("probe189-191", "M", (0,),
     "Since joining the SCO as a full member in 2017, India has taken part in all its work."),
    ("probe189-191", "E", (0,),
     "The meeting was organised by the Federal Customs Service of the Russian Federation."),
    # --- round 66: docs/coding/probe192/ to probe194/ ---
    # a lower-case SCO group that meets is named as its capitalised form is (rule 2); one
    # to be set up is the sentence's subject
    ("probe192-194", "E", (0,),
     "SCO working group on e-commerce holds a meeting"),
    ("probe192-194", "E", (0,),
     "The SCO expert group on the digital economy met in Tashkent."),
    ("probe192-194", "E", (1,),
     "Pakistan proposed setting up an SCO expert group on the digital economy."),
    # an ordinal that opens a point of a list is no name, and what follows is no description
    ("probe192-194", "E", (1,),
     "Fourth, the expansion of settlements in national currencies, a question of growing "
     "weight."),
    # kinds of court cases named together; equal rights and opportunities of people; energy
    # as vigour; a body's own finances; a UN programme's name
    ("probe192-194", "SE", (0, 0),
     "They discussed legal assistance in civil, commercial and criminal cases."),
    ("probe192-194", "S", (1,),
     "They discussed legal assistance in criminal cases related to extremism."),
    ("probe192-194", "M", (0,),
     "They attach importance to equal rights and opportunities for women."),
    ("probe192-194", "E", (0,),
     "It is your energy and your ideas that will shape the future."),
    ("probe192-194", "E", (0,),
     "The Council considered the financial activities of the RATS Executive Committee."),
    ("probe192-194", "SEM", (0, 0, 1),
     "They discussed the United Nations Special Programme for the Economies of Central Asia."),
    # trial runs of vehicles along agreed routes: road transport (round 55's facilitation)
    ("probe192-194", "E", (1,),
     "They supported the continuation of trial runs of vehicles along the agreed routes."),
    # --- round 67: docs/coding/probe195/ to probe197/ ---
    # the unified list of banned organisations; contraband seized; air services and flights
    ("probe195-197", "S", (1,),
     "The parties agreed to continue updating the unified list of organisations whose "
     "activities are prohibited in the member states."),
    ("probe195-197", "S", (1,),
     "Contraband worth an estimated 3 million dollars was seized."),
    ("probe195-197", "E", (1,),
     "They discussed the development of air services and an increase in the number of "
     "flights."),
    # customs as traditions; a national customs service's name; a figurative road
    ("probe195-197", "E", (0,),
     "The ambassadors told the guests about the customs of celebrating Nowruz."),
    ("probe195-197", "E", (1,),
     "They discussed the simplification of customs procedures."),
    ("probe195-197", "E", (0,),
     "The meeting was chaired by the Customs Service under the Government of Tajikistan."),
    ("probe195-197", "E", (0,),
     "Tourism is one of the shortest roads between our peoples."),
    # --- round 68: docs/coding/probe198/ to probe200/ ---
    # a drug-control format named for its participants, to its precursors (rule 2); heads of
    # SCO border services who meet; the border's personnel and surveillance at work
    ("probe198-200", "S", (0,),
     "A meeting of the expert working group of the competent authorities of the SCO member "
     "states responsible for combating illicit trafficking in narcotic drugs, psychotropic "
     "substances and their precursors was held in Bishkek."),
    ("probe198-200", "S", (1,),
     "They will counter illicit trafficking in narcotic drugs, psychotropic substances and "
     "their precursors."),
    ("probe198-200", "S", (0,),
     "Heads of SCO border services meet in Termez"),
    ("probe198-200", "S", (1,),
     "They discussed the training of border personnel and means of border surveillance."),
    # the restoration of peace; reconstruction after a conflict is not the conflict
    ("probe198-200", "S", (1,),
     "They are ready to contribute to the restoration of peace in the region."),
    ("probe198-200", "S", (0,),
     "They stress international assistance to the post-conflict reconstruction of Syria."),
    # a national body's name; moving to third countries; the road an organisation travelled
    ("probe198-200", "E", (0,),
     "The meeting was chaired by a representative of the National Energy Administration."),
    ("probe198-200", "SM", (1, 0),
     "They are concerned at foreign terrorist fighters moving to third countries."),
    ("probe198-200", "E", (0,),
     "How would you assess the road the Organisation has travelled?"),
    # --- round 69: docs/coding/probe201/ to probe203/ ---
    # money that serves drug trafficking is security, not economy
    ("probe201-203", "SE", (1, 0),
     "Some 27 bank accounts used for drug payments were frozen."),
    # a bank's capital and shareholding; film distribution and a figure of investing
    ("probe201-203", "E", (1,),
     "The experts will study the capital and shareholding structure of the future bank."),
    ("probe201-203", "E", (0,),
     "Round tables on co-production and film distribution will be held."),
    ("probe201-203", "E", (0,),
     "The campaign is held under the theme of investing to prevent violence against women."),
    # each country choosing its own path (rule 8); a national council's name
    ("probe201-203", "M", (1,),
     "Each country chooses its own path, taking into account its national circumstances."),
    ("probe201-203", "M", (0,),
     "The event was organised with the China Council for International Cooperation on "
     "Environment and Development."),
    # --- round 70: docs/coding/probe204/ to probe206/ ---
    # drug use and its prevention are narcotics (SECURITY)
    ("probe204-206", "S", (1,),
     "They will share experience in preventing drug use among young people."),
    # an Organisation open to other States that share its principles (rule 10)
    ("probe204-206", "M", (1,),
     "They reaffirm that the Organisation is open to other States that share its principles."),
    # energy as vigour; research infrastructure; a format and a department named for their
    # participants or field
    ("probe204-206", "E", (0,),
     "Without their talent and energy, none of the goals could be achieved."),
    ("probe204-206", "E", (0,),
     "They will cooperate in research on algorithms and computing infrastructure."),
    ("probe204-206", "E", (0,),
     "A meeting of the heads of the statistical services and customs authorities was held."),
    ("probe204-206", "E", (0,),
     "It was opened by a Deputy Director-General of the Department of Electronic Commerce."),
    # --- round 71: docs/coding/probe207/ to probe209/ ---
    # the RATS's secure channels; alternative livelihoods; road transport's drivers and vehicles
    ("probe207-209", "S", (1,),
     "They exchanged 1,400 items of information through the RATS secure communication "
     "channels."),
    ("probe207-209", "E", (1,),
     "They will help Afghanistan in developing alternative livelihoods."),
    ("probe207-209", "E", (1,),
     "They discussed the harmonisation of requirements for drivers and vehicles."),
    # energy as zeal; objects exported unlawfully; a sector's change; think tanks' names
    ("probe207-209", "E", (0,),
     "I thank the delegations for the energy with which you have prepared this meeting."),
    ("probe207-209", "E", (0,),
     "They will cooperate in the return of unlawfully exported objects."),
    ("probe207-209", "M", (0,),
     "The energy sector is undergoing profound change as a result of technological progress."),
    ("probe207-209", "M", (0,),
     "It was attended by experts from the China Institutes of Contemporary International "
     "Relations."),
    # --- round 72: docs/coding/probe210/ to probe212/ ---
    # radical content, illegal trade in data, command staffs at an exercise
    ("probe210-212", "S", (1,),
     "The internet has become the main channel for spreading radical content."),
    ("probe210-212", "SE", (1, 0),
     "The number of crimes, including illegal trade in personal data, continues to grow."),
    ("probe210-212", "E", (1,),
     "The ministers discussed the removal of illegal trade restrictions."),
    ("probe210-212", "S", (1,),
     "Command staffs practised the exchange of information in real time."),
    # outside interference (rule 8); dialogue partnership, external relations, partners taking part
    ("probe210-212", "M", (1,),
     "The countries of the region should determine their own future without outside "
     "interference."),
    ("probe210-212", "M", (1,),
     "Dialogue partnership is an important format of the Organisation's external relations."),
    ("probe210-212", "M", (1,),
     "The member states are discussing ways to make the participation of partners more "
     "substantive."),
    # names of outside forums and organisations (Names and lists)
    ("probe210-212", "SEM", (0, 0, 1),
     "The Secretary-General also met the head of the International Trade Centre."),
    ("probe210-212", "M", (1,),
     "They noted the importance of the Moscow format and the Istanbul Process \"Heart of "
     "Asia\"."),
    # industrial centres as places; railway administrations as who met
    ("probe210-212", "E", (0,),
     "Large cities and industrial centres of the region face the problem of poor air quality."),
    ("probe210-212", "E", (0,),
     "The delegation took part in the meeting of the heads of the SCO member states' railway "
     "administrations."),
    ("probe210-212", "E", (1,),
     "They agreed on cooperation among railway administrations in container transport."),
    # --- round 73: docs/coding/probe213/ to probe215/ ---
    # agricultural cooperation is economic content beside food security (rules 4 and 5)
    ("probe213-215", "SE", (1, 1),
     "They discussed agricultural cooperation and measures to ensure food security."),
    ("probe213-215", "SE", (1, 0),
     "They discussed agricultural technologies to ensure food security."),
    # Syria's situation is a conflict's; organisations whose activities are prohibited
    ("probe213-215", "S", (1,),
     "They supported the settlement of the situation in the Syrian Arab Republic."),
    ("probe213-215", "S", (0,),
     "They discussed the humanitarian situation in Syria."),
    ("probe213-215", "S", (1,),
     "They updated the list of organisations whose activities are prohibited."),
    # a new member's integration (rule 10); a forum named for its participants (rule 2)
    ("probe213-215", "M", (1,),
     "The Secretariat will help Belarus in integrating into the Organisation's activities."),
    ("probe213-215", "E", (0,),
     "Speech at the Forum of Women Entrepreneurs of the SCO Member States"),
    ("probe213-215", "E", (0,),
     "I wish all participants fruitful work and success in business!"),
    ("probe213-215", "E", (1,),
     "They are working to link the initiative with their national development strategies."),
    # --- round 74: docs/coding/probe216/ to probe218/ ---
    # terrorist financing under the guise of charity and from drugs; an attack's gunfire
    ("probe216-218", "SE", (1, 0),
     "In addition, 15 cells that collected funds under the guise of charity were dismantled."),
    ("probe216-218", "SE", (1, 0),
     "Drug revenues continue to serve as a source of financing for terrorist groups."),
    ("probe216-218", "S", (1,),
     "The attackers opened fire on people gathered for a concert."),
    # cross-border data flows and commercialisation are economy; their security is security
    ("probe216-218", "SE", (0, 1),
     "The delegations discussed the protection of personal data and cross-border data flows."),
    ("probe216-218", "SE", (1, 0),
     "They stressed the importance of ensuring the security of cross-border data flows."),
    ("probe216-218", "E", (1,),
     "They discussed cooperation in biotechnology and the commercialisation of research."),
    # who met: central (national) bank governors, member banks of the Consortium; background
    ("probe216-218", "E", (0,),
     "The meeting of the ministers of finance and central bank (national bank) governors "
     "was held in Astana."),
    ("probe216-218", "E", (0,),
     "The chairmanship of the Consortium will pass to the member bank of the Kyrgyz "
     "Republic."),
    ("probe216-218", "E", (1,),
     "Several bilateral cooperation agreements between member banks were signed."),
    ("probe216-218", "E", (0,),
     "Many regions share common borders, similar climates and economic profiles."),
    # observers and partners in a list of who attended are participants (Names and lists)
    ("probe216-218", "M", (0,),
     "The meeting was attended by the member banks and by partner banks from the SCO "
     "observer and dialogue partner states."),
    # --- round 75: docs/coding/probe219/ to probe221/ ---
    # seeds and breeding, crop yields beside food security, 5G networks, low-carbon growth
    ("probe219-221", "E", (1,),
     "The participants discussed the exchange of seeds and planting material."),
    ("probe219-221", "SE", (1, 1),
     "Quality seeds are a key factor in raising crop yields and strengthening food security."),
    ("probe219-221", "E", (1,),
     "They discussed cooperation in the deployment of 5G networks."),
    ("probe219-221", "E", (1,),
     "The member states support the transition to a green, low-carbon model of growth."),
    # regional stability after a comma; drones neutralised, and their makers as security
    ("probe219-221", "S", (1,),
     "The SCO will continue to contribute to peace, stability and prosperity in the region."),
    ("probe219-221", "S", (1,),
     "Attention was paid to technical means of detecting and neutralising drones."),
    ("probe219-221", "SE", (1, 0),
     "They stressed working with manufacturers of unmanned aerial vehicles to prevent their "
     "acquisition by terrorists."),
    ("probe219-221", "S", (1,),
     "A RATS delegation visited border outposts of the Republic of Tajikistan."),
    # a list of who takes part ends at a verb ("is"); a time of a complex world is backdrop
    ("probe219-221", "S", (1,),
     "An inclusive government with the participation of representatives of all ethnic groups "
     "of Afghan society is an important condition for long-term stability in that country."),
    ("probe219-221", "M", (0,),
     "At a time when the international situation is becoming ever more complex, the ideas of "
     "the Treaty are more in demand than ever."),
    # principles as the basis of cooperation in other fields are its manner (rule 14)
    ("probe219-221", "M", (0,),
     "They agreed to develop cultural cooperation on the basis of equality and mutual benefit."),
    ("probe219-221", "M", (1,),
     "They reaffirmed their commitment to cooperation on the basis of equality and mutual "
     "respect."),
    # the UN General Assembly's working group: a name, not security
    ("probe219-221", "SM", (0, 1),
     "They welcome the work of the Open-ended Working Group of the UN General Assembly on "
     "developments in the field of information and telecommunications in the context of "
     "international security."),
    # --- round 76: docs/coding/probe222/ to probe224/ ---
    # the global water agenda and the post-war world order (global governance)
    ("probe222-224", "M", (1,),
     "Tajikistan is one of the leaders of the international water agenda."),
    ("probe222-224", "SEM", (0, 0, 1),
     "The Victory, won at such a price, laid the foundation of the post-war world order."),
    # film co-productions are culture; joint production of goods is economy
    ("probe222-224", "E", (0,),
     "Young filmmakers will find partners for joint productions."),
    ("probe222-224", "E", (1,),
     "Joint production of test systems could help meet the growing demand in the region."),
    # a forum's name as the venue; barriers to science; the reliability of energy supplies
    ("probe222-224", "E", (0,),
     "A meeting of the Energy Club was held in Moscow on the sidelines of the Russian Energy "
     "Week."),
    ("probe222-224", "E", (0,),
     "They opposed the creation of technological barriers in scientific cooperation."),
    ("probe222-224", "SE", (1, 1),
     "They discussed ensuring energy security and the reliability of supplies."),
    # aviation security protects airports: no transport economy (rule 5)
    ("probe222-224", "SE", (1, 0),
     "They discussed aviation security, including the protection of airports against acts of "
     "unlawful interference."),
    # --- round 77: docs/coding/probe225/ to probe227/ ---
    ("probe225-227", "S", (1,),
     "In the Gaza Strip thousands of civilians have been killed."),
    ("probe225-227", "M", (1,),
     "The decisions to grant them this status were taken at the Samarkand summit."),
    ("probe225-227", "E", (1,),
     "We are working with UNESCAP to harmonise standards and avoid duplication."),
    # industrial safety; "the centre of" is no reference to a Centre (rule 1)
    ("probe225-227", "SE", (1, 0),
     "Ensuring industrial and fire safety is part of maintaining the security of the "
     "population."),
    ("probe225-227", "M", (0,),
     "Digital tools moved from the margins to the centre of medical practice."),
    # --- round 78: docs/coding/probe228/ to probe230/ ---
    # a bloc rejected, openness to all who share the goals, the UN's draft convention
    ("probe228-230", "SM", (0, 1),
     "The SCO has never been a military-political bloc directed against third countries."),
    ("probe228-230", "M", (1,),
     "We are ready to develop dialogue with all those who share our goals and principles."),
    ("probe228-230", "SM", (1, 1),
     "They call for the early adoption of a Comprehensive Convention on International "
     "Terrorism."),
    ("probe228-230", "M", (1,),
     "The growth of the SCO family poses new tasks for us."),
    # the CIS Anti-Terrorist Centre is a name; facilities a cyber attack aims at are targets
    ("probe228-230", "SM", (0, 1),
     "The Council considered cooperation with the CSTO and the CIS Anti-Terrorist Centre."),
    ("probe228-230", "SE", (1, 0),
     "Terrorists attempted to disrupt energy and transport facilities by means of cyber "
     "attacks."),
    # --- round 79: docs/coding/probe231/ to probe233/ ---
    # the facilities terrorists attack, or whose physical protection is organised, are
    # targets; with economic content they are still economy
    ("probe231-233", "SE", (1, 0),
     "Terrorist groups show interest in attacks on power plants, oil and gas pipelines and "
     "airports."),
    ("probe231-233", "SE", (1, 0),
     "The experts discussed the physical protection of facilities against terrorists and "
     "the vetting of staff of infrastructure operators."),
    ("probe231-233", "SE", (1, 1),
     "Attacks on energy infrastructure disrupt trade and investment."),
    # a group's name ends at the verb of a headline: what it discusses is the subject
    ("probe231-233", "E", (1,),
     "SCO working group on digital economy discusses development of cross-border "
     "e-commerce"),
    # financial monitoring (against money laundering) is not finance
    ("probe231-233", "E", (0,),
     "They agreed to organise joint training at the International Training and Methodology "
     "Centre for Financial Monitoring."),
    # trade between a non-member and the SCO member states is a relation with it
    ("probe231-233", "EM", (1, 1),
     "He noted that trade between Türkiye and the SCO member states has grown steadily."),
    # a military-political alliance rejected is the SCO's posture (rule 8), not armed force
    ("probe231-233", "SM", (0, 1),
     "The SCO will never be a military-political alliance directed against third "
     "countries."),
    # --- round 81: docs/coding/probe237/ to probe239/ ---
    # the Syrian crisis is a conflict; attackers who take hostages are a threat
    ("probe237-239", "S", (1,),
     "They stressed that the Syrian crisis can be resolved only through a political process."),
    ("probe237-239", "S", (1,),
     "The attackers seized the train and took its passengers hostage."),
    # outside countries' ties with the SCO
    ("probe237-239", "M", (1,), "Why do so many countries wish to establish ties with the SCO?"),
    # a body's financial and economic activities are its budget; names of national bodies
    ("probe237-239", "E", (0,),
     "The Council approved the report on the audit of the financial and economic activities "
     "of the SCO Secretariat."),
    ("probe237-239", "E", (0,),
     "The meeting was organised by the State Committee for Industry, Energy and Subsoil Use "
     "of the Kyrgyz Republic."),
    ("probe237-239", "E", (0,),
     "Bishkek hosts first meeting of heads of consumer protection agencies of SCO member "
     "states"),
    # --- round 82: docs/coding/probe240/ to probe242/ ---
    # those thanked are addressees, as those who attend are participants; a name of an
    # outside organisation among them still counts
    ("probe240-242", "M", (0,),
     "I would like to express my gratitude to the permanent representatives, the embassies "
     "of the observer states and dialogue partners and the photographers."),
    ("probe240-242", "M", (1,),
     "I would like to express my gratitude to the United Nations Development Programme."),
    # extended producer responsibility is environmental regulation
    ("probe240-242", "E", (0,),
     "The Kazakh side shared its experience of introducing extended producer responsibility "
     "for packaging."),
    # --- round 83: docs/coding/probe243/ to probe245/ ---
    # labour and employment are social policy; jobs, labour markets and economic content
    # still count
    ("probe243-245", "E", (0,),
     "The ministers approved a plan of cooperation in the field of labour and employment."),
    ("probe243-245", "E", (1,),
     "Cooperation in trade creates jobs and supports employment in the region."),
    # a country named as the producer of drugs is their source
    ("probe243-245", "SE", (1, 0),
     "Afghanistan remains the world's largest producer of opiates."),
    # a legally binding international instrument; the efforts of all states
    ("probe243-245", "SM", (1, 1),
     "They support negotiations on a legally binding international instrument to prevent an "
     "arms race in outer space."),
    ("probe243-245", "SM", (1, 1),
     "Such acts confirm the need to consolidate the efforts of all States in countering "
     "terrorism."),
    ("probe243-245", "E", (0,),
     "They noted the importance of access for scientists to the research infrastructure of "
     "the joint centres."),
    # --- round 84: docs/coding/probe246/ to probe248/ ---
    # the manufacture of explosive devices is a weapon's, not production
    ("probe246-248", "SE", (1, 0),
     "The resources contained instructions on the manufacture of explosive devices."),
    # a format named for the authorities that take part carries no frame (rule 2)
    ("probe246-248", "S", (0,),
     "The regular meeting of the Expert Working Group of the competent authorities of the SCO "
     "member states dealing with combating illicit drug trafficking was held in Bishkek."),
    # --- round 85: docs/coding/probe249/ to probe251/ ---
    # formats named for the authorities that take part carry no frame (rule 2)
    ("probe249-251", "S", (0,),
     "The third meeting of the heads of the anti-corruption agencies of the SCO member states "
     "took place in Astana."),
    ("probe249-251", "S", (0,),
     "A meeting of the competent authorities responsible for combating corruption was held "
     "in Bishkek on 3 June."),
    ("probe249-251", "S", (0,),
     "Minsk hosted the meeting of the heads of the intelligence units of the border services."),
    # names: a national service, a convention (its words are not its subject)
    ("probe249-251", "E", (0,),
     "A deputy head of the Federal Service for Supervision of Consumer Rights Protection and "
     "Human Welfare presented the report."),
    ("probe249-251", "SM", (0, 1),
     "The experts discussed the United Nations Convention against Corruption."),
    # the admission of students is no state's admission (rule 10)
    ("probe249-251", "M", (0,),
     "The universities agreed on the admission of students for the next academic year."),
    # agricultural research is science, not production
    ("probe249-251", "E", (0,),
     "The institute signed an agreement with agricultural research institutions of Uzbekistan."),
    # the easing of tension is security; productivity is production, beside food security
    # too (rule 5: economic content)
    ("probe249-251", "S", (1,),
     "The ministers welcomed the easing of tensions on the border between the two countries."),
    ("probe249-251", "SE", (1, 1),
     "The ministers discussed food security and the productivity of agricultural land."),
    # --- round 86: docs/coding/probe252/ to probe254/ ---
    # names: a national customs committee, a meeting of experts on the budget
    ("probe252-254", "E", (0,),
     "The State Customs Committee of Uzbekistan hosted the meeting."),
    ("probe252-254", "E", (0,),
     "The Council approved the report of the Meeting of Experts on Financial Issues."),
    # customs as law enforcement; the goods a customs operation stops are contraband
    ("probe252-254", "SE", (1, 0),
     "The parties agreed to strengthen the law enforcement units of the customs services."),
    ("probe252-254", "SE", (1, 0),
     "During the joint customs operation, attempts to move goods illegally across the border "
     "were stopped."),
    # a terrorist sanctions list is no trade sanction; humanitarian cargo is no trade
    ("probe252-254", "SE", (1, 0),
     "The experts discussed the sanctions list concerning ISIL and Al-Qaida."),
    ("probe252-254", "E", (0,),
     "Kazakhstan sent humanitarian cargo to the people of Afghanistan."),
    # a wish of success in one's business is a courtesy
    ("probe252-254", "E", (0,),
     "I wish you good health and success in your business."),
    # an outside forum and a UN declaration
    ("probe252-254", "M", (1,),
     "The Secretary-General took part in the Ulaanbaatar Dialogue."),
    ("probe252-254", "M", (1,),
     "The seminar was devoted to the anniversary of the Universal Declaration of Human Rights."),
    # --- round 87: docs/coding/probe255/ to probe257/ ---
    # the illegal export and import of cultural valuables is a crime, not trade
    ("probe255-257", "SE", (1, 0),
     "The parties will cooperate against the trafficking in cultural property and its illegal "
     "export and import."),
    # a bomber's and a crime's targets are what they hit; the site a terrorist scenario seizes
    ("probe255-257", "SE", (1, 0),
     "A suicide bomber attacked a bus of workers of a hydropower plant."),
    ("probe255-257", "SE", (1, 0),
     "This heinous crime was directed against engineers building transport infrastructure."),
    ("probe255-257", "SE", (1, 0),
     "In the counter-terrorism exercise, the units freed an industrial facility seized by "
     "the attackers."),
    # border and customs services named together are the services, not trade
    ("probe255-257", "SE", (1, 0),
     "They discussed border security and contacts between the border and customs services."),
    # young people's energy and their part in economic life are no field of cooperation
    ("probe255-257", "E", (0,),
     "We rely on the knowledge, energy and talent of young people."),
    ("probe255-257", "E", (0,),
     "Young people should take part in the social, economic and political life of society."),
    # --- round 88: docs/coding/probe258/ to probe260/ ---
    # a national body's name; a format named for the officials who take part (rule 2)
    ("probe258-260", "S", (0,),
     "The Anti-Terrorism Centre of the People's Republic of China sent a delegation."),
    ("probe258-260", "E", (0,),
     "The ministers approved the report of the meeting of senior officials responsible for "
     "foreign economic and foreign trade activities."),
    # Afghanistan's stabilisation is its situation as a conflict
    ("probe258-260", "S", (1,),
     "Trade with its neighbours will contribute to the stabilisation of Afghanistan."),
    # the situation in the border areas is border security
    ("probe258-260", "S", (1,),
     "The heads of the services discussed the situation in the border areas."),
    # the SCO's first expansion is its enlargement (rule 10); its market expanded is not
    ("probe258-260", "M", (1,),
     "It was the first expansion in the history of our Organisation."),
    ("probe258-260", "EM", (1, 0),
     "Their participation expands the SCO market and its trade."),
    # --- round 89: docs/coding/probe261/ to probe263/ ---
    # a format named for the competent authorities that take part (rule 2)
    ("probe261-263", "S", (0,),
     "The meeting of the heads of the competent authorities of the SCO member states on "
     "combating illicit drug trafficking was held in Tashkent."),
    # banks that detect suspicious transactions serve a security matter
    ("probe261-263", "SE", (1, 0),
     "Banks shared their experience in detecting suspicious transactions."),
    # official statistics and censuses; a decent job is social policy
    ("probe261-263", "E", (0,),
     "The parties discussed the production of official statistics and agricultural censuses."),
    ("probe261-263", "E", (0,),
     "Many graduates still have difficulty finding a decent job."),
    # a new member's accession to the SCO's treaties (rule 10)
    ("probe261-263", "M", (1,),
     "Belarus has acceded to the basic treaties of the Organisation."),
    # --- round 90: docs/coding/probe264/ to probe266/ ---
    # a national committee's name; the SCO's own document flow
    ("probe264-266", "S", (0,),
     "A delegation of the National Anti-Terrorism Committee visited Tashkent."),
    ("probe264-266", "E", (0,),
     "The Secretariat discussed the digitalisation of document flow."),
    # energy infrastructure protected against terrorist threats is what is protected
    ("probe264-266", "SE", (1, 0),
     "They discussed protecting critical energy infrastructure against terrorist threats."),
    # unemployment is social policy, as employment (round 83)
    ("probe264-266", "E", (0,),
     "Unemployment makes young people vulnerable to recruiters."),
    # a UN climate conference is an outside forum (rule 11)
    ("probe264-266", "M", (1,),
     "The minister spoke about the preparations for COP29."),
    # --- round 91: docs/coding/probe267/ to probe269/ ---
    # formats named for the units and authorities that take part (rule 2)
    ("probe267-269", "S", (0,),
     "Minsk hosted a meeting of the heads of counter-terrorism units of the border services."),
    ("probe267-269", "S", (0,),
     "The meeting of the competent authorities responsible for border protection was held."),
    # the situation in Gaza is a conflict's, in a sentence that names it
    ("probe267-269", "S", (1,),
     "The ministers adopted a statement on the situation in Gaza."),
    # waste management and a technology centre's name are no economy
    ("probe267-269", "E", (0,),
     "The ministers discussed the recycling of industrial waste."),
    ("probe267-269", "E", (0,),
     "The delegation visited the China-SCO Technology Transfer Centre."),
    # a UN compact is an outside instrument
    ("probe267-269", "M", (1,),
     "The parties discussed the Global Compact for Migration."),
    # --- round 92: docs/coding/probe270/ to probe272/ ---
    # formats and units named for those who take part (rule 2)
    ("probe270-272", "S", (0,),
     "Bishkek hosted a meeting of the heads of the services for combating economic crimes."),
    ("probe270-272", "S", (0,),
     "The meeting of the heads of the international military cooperation departments was "
     "held in Minsk."),
    ("probe270-272", "S", (0,),
     "He met a representative of the Office for International Military Cooperation."),
    # a headline drops its articles: "Meeting of SCO expert group on ..." names a group that
    # exists (rule 2); a group to be set up is still the sentence's subject
    ("probe270-272", "E", (0,),
     "Meeting of SCO expert group on energy cooperation held in Tashkent"),
    ("probe270-272", "E", (0,),
     "Meeting of SCO working group on trade held via videoconference"),
    ("probe270-272", "E", (1,),
     "The ministers supported the establishment of SCO expert group on energy cooperation."),
    # tourist arrivals measure the tourism industry
    ("probe270-272", "E", (1,),
     "International tourist arrivals in the region rose by a fifth last year."),
    # an observer of the Organisation (enlargement and partners); a UN summit (rule 11)
    ("probe270-272", "M", (1,),
     "Kazakhstan remains a reliable observer of our Organisation."),
    ("probe270-272", "M", (1,),
     "The ministers discussed the preparations for the Summit of the Future."),
    # a World Heritage site is a listing, not relations with UNESCO
    ("probe270-272", "M", (0,),
     "The delegation toured Samarkand, a UNESCO World Heritage site."),
    # --- round 93: docs/coding/probe273/ to probe275/ ---
    # dying in defence of a language is not defence; hospitality is not a principle
    ("probe273-275", "S", (0,),
     "The date recalls the students who died in defence of their native language."),
    ("probe273-275", "M", (0,),
     "Visitors praised the openness and hospitality of the Kyrgyz people."),
    # an outside organisation's name counts for multilateralism, not for its words
    ("probe273-275", "M", (1,),
     "They oppose the politicisation of the Organisation for the Prohibition of Chemical "
     "Weapons."),
    ("probe273-275", "SM", (0, 1),
     "The Secretariat received a delegation of the Anti-Terrorism Centre of the member states "
     "of the Commonwealth of Independent States."),
    # protecting civilians in a conflict is security
    ("probe273-275", "S", (1,),
     "They stressed the need to protect civilians."),
    # enlargement widens the geography of cooperation (rule 10); interaction with a
    # non-member state is a relation with it
    ("probe273-275", "M", (1,),
     "This step considerably expands the geography of our cooperation."),
    ("probe273-275", "M", (1,),
     "The minister welcomed closer interaction with Azerbaijan in energy."),
    # --- round 94: docs/coding/probe276/ to probe278/ ---
    # a new member's full membership (rule 10); a format named for the units that take part
    # (rule 2); the drones' kind is not commerce
    ("probe276-278", "M", (1,),
     "Kazakhstan has become a full and active member of the SCO family."),
    ("probe276-278", "S", (0,),
     "Minsk hosted a meeting of the heads of counter-terrorism units of the internal affairs "
     "bodies."),
    ("probe276-278", "E", (0,),
     "Commercial drones are increasingly used by terrorists for reconnaissance."),
    # --- round 95: docs/coding/probe279/ to probe281/ ---
    # border and migration control is border control; armed confrontation is a conflict,
    # not the world's confrontation (rule 3); an exercise's logistics are not the economy
    ("probe279-281", "S", (1,),
     "They discussed biometric data in border and migration control."),
    ("probe279-281", "SM", (1, 0),
     "The escalation of armed confrontation in the region continues."),
    ("probe279-281", "E", (0,),
     "The participants discussed issues of logistical support for the exercise."),
    # a national centre's name; a bank's headquarters is a venue
    ("probe279-281", "S", (0,),
     "The ministers received the Director of the Anti-Terrorist Centre of the State "
     "Committee for National Security of Tajikistan."),
    ("probe279-281", "E", (0,),
     "The meeting took place at the Bank's headquarters in Beijing."),
    # a state's sovereign decision (rule 8)
    ("probe279-281", "M", (1,),
     "This is a sovereign decision of Turkmenistan."),
    # --- round 96: docs/coding/probe282/ to probe284/ ---
    # a group on the establishment of something is named for its task, which is its subject
    # (rule 2); a standing group's subject stays part of its name
    ("probe282-284", "E", (1,),
     "Meeting of the SCO expert group on the establishment of the SCO Development Bank held "
     "in Tashkent"),
    ("probe282-284", "E", (0,),
     "Meeting of the SCO expert group on energy cooperation held in Tashkent"),
    # research funding and scientific activity are science, not the economy
    ("probe282-284", "E", (0,),
     "Women scientists still face unequal access to research funding."),
    ("probe282-284", "E", (0,),
     "They support the participation of young people in scientific and technological "
     "activities."),
    # --- round 97: docs/coding/probe285/ to probe287/ ---
    # the situation in Ukraine is a conflict's; civilians kept safe; a background of the
    # digital economy is not the economy (rule 4)
    ("probe285-287", "S", (1,),
     "The ministers exchanged views on the situation in Ukraine."),
    ("probe285-287", "S", (1,),
     "They stressed the importance of ensuring the safety of civilians."),
    ("probe285-287", "E", (0,),
     "They discussed social protection in the context of the digital economy."),
    # --- round 98: docs/coding/probe288/ to probe290/ ---
    # a format named for those who take part (rule 2); the post-war order is the world's
    # order (rule 3), not a war; the SCO's own budget, a national body's name and a figure
    # of speech are not the economy
    ("probe288-290", "S", (0,),
     "Minsk hosted a meeting of the heads of counter-terrorism units of the special "
     "services."),
    ("probe288-290", "SM", (0, 1),
     "The Charter laid the foundations of the post-war international order."),
    ("probe288-290", "E", (0,),
     "The Council called for the rational use of the financial resources of the "
     "Organisation."),
    ("probe288-290", "E", (0,),
     "The delegates thanked the General Administration of Customs of China for its "
     "hospitality."),
    ("probe288-290", "E", (0,),
     "He stressed that investment in education is an investment in the future."),
    # --- round 99: docs/coding/probe291/ to probe293/ ---
    # the SCO family growing and the number of its members are enlargement (rule 10)
    ("probe291-293", "M", (1,),
     "Over the past year, the SCO family has continued to grow."),
    ("probe291-293", "M", (1,),
     "With more members, reaching consensus takes longer."),
    ("probe291-293", "M", (1,),
     "Which countries are next in line?"),
    # --- round 100: docs/coding/probe294/ to probe296/ ---
    # a format named for the authorities that take part (rule 2); the right to choose a path
    # of development is a principle (rule 8), not the economy; darknet markets are where
    # drugs are sold; debt sustainability is finance
    ("probe294-296", "S", (0,),
     "They welcomed the meeting of the competent authorities dealing with countering illicit "
     "drug trafficking."),
    ("probe294-296", "EM", (0, 1),
     "They support the right of peoples to choose the paths of their political, economic and "
     "social development."),
    ("probe294-296", "SE", (1, 0),
     "Traffickers increasingly sell through darknet markets."),
    ("probe294-296", "E", (1,),
     "They discussed the debt sustainability of developing countries."),
    # --- round 101: docs/coding/probe297/ to probe299/ ---
    # new centres of growth describe the world order (rule 3); an audience of judges and
    # prosecutors is an audience; facilities attacked or targeted are what is threatened
    ("probe297-299", "E", (0,),
     "The world is marked by the emergence of new centres of economic growth."),
    ("probe297-299", "S", (0,),
     "He addressed an audience of judges, prosecutors and lawyers."),
    ("probe297-299", "SE", (1, 0),
     "They discussed cyberattacks on the control systems of energy facilities."),
    ("probe297-299", "SE", (1, 0),
     "Energy and transport facilities remain attractive targets for terrorists."),
    # --- round 102: docs/coding/probe300/ to probe302/ ---
    # the facility a terrorist attack was committed on is its target, not the economy
    ("probe300-302", "SE", (1, 0),
     "The Secretariat condemns the terrorist attack committed yesterday on a power plant in "
     "the province."),
    # --- round 103: docs/coding/probe303/ to probe305/ ---
    # outside organisations and instruments by name; a data bank of information is no bank
    ("probe303-305", "M", (1,),
     "The Secretary-General met the head of the Asian-African Legal Consultative "
     "Organization."),
    ("probe303-305", "M", (1,),
     "The member states are parties to the Montreal Protocol."),
    ("probe303-305", "E", (0,),
     "They agreed to improve the exchange of information through the data bank."),
    # --- round 104: docs/coding/probe306/ to probe308/ ---
    # the SCO's share of the world's population and GDP with nothing else economic is its
    # weight (rule 12); beside trade it stays an economic indicator
    ("probe306-308", "EM", (0, 1),
     "The member states are home to 40 per cent of the world's population and produce "
     "around a quarter of global gross domestic product."),
    ("probe306-308", "EM", (1, 0),
     "The member states account for a quarter of global gross domestic product, and their "
     "mutual trade keeps growing."),
    # a new member's delegation taking part for the first time (rule 10)
    ("probe306-308", "M", (1,),
     "The delegation of Belarus took part in the meeting for the first time as a delegation "
     "of a member state."),
    ("probe306-308", "M", (0,),
     "The delegation of Belarus took part in the meeting."),
    # a national security agency named as the border service's parent is a name
    ("probe306-308", "S", (0,),
     "The Director received the head of the Border Service of the National Security "
     "Committee of Kazakhstan."),
    ("probe306-308", "S", (1,),
     "They discussed the security of the state border of Kazakhstan."),
    # --- round 105: docs/coding/probe309/ to probe311/ ---
    # transport infrastructure protected against threats is what is protected (security),
    # not transport as an economic matter; its development stays economy
    ("probe309-311", "SE", (1, 0),
     "The experts discussed the protection of transport infrastructure."),
    ("probe309-311", "SE", (0, 1),
     "The experts discussed the development of transport infrastructure."),
    # an outside organisation's department named for threats is a name (multilateralism)
    ("probe309-311", "SM", (0, 1),
     "The Director received a delegation of the OSCE Transnational Threats Department."),
    # the decision to admit a new member (rule 10)
    ("probe309-311", "M", (1,),
     "The decision to admit Belarus was adopted at the summit."),
    # establishing the SCO's development bank is banking (economy); its representatives
    # among the participants are not
    ("probe309-311", "E", (1,),
     "The member states welcome the decision to establish the SCO Development Bank and "
     "instruct the relevant ministries and agencies to accelerate its launch."),
    ("probe309-311", "E", (0,),
     "The representatives of the SCO Development Bank attended the meeting."),
    # --- round 106: docs/coding/probe312/ to probe314/ ---
    # the SCO's standing group of experts, capitalised, is a body's name (rule 2)
    ("probe312-314", "S", (0,),
     "The Group of Experts of the SCO Member States on International Information Security "
     "met in Beijing."),
    # the remit of the authorities whose experts meet is a description of a name (rule 2)
    ("probe312-314", "S", (0,),
     "Experts of the competent authorities in charge of countering illicit trafficking in "
     "narcotic drugs and psychotropic substances met in Tashkent."),
    ("probe312-314", "S", (0,),
     "The delegation included officials responsible for security matters."),
    # prosecutors supervising the observance of laws are not acting against crime
    ("probe312-314", "S", (0,),
     "They discussed the practice of prosecutorial supervision over the observance of "
     "labour laws."),
    # the SCO's own funds are its internal organisation, not finance
    ("probe312-314", "E", (0,),
     "The Council approved measures to use the Organisation's funds more efficiently."),
    # selling through an online shop is trade
    ("probe312-314", "E", (1,),
     "Many young people now run an online shop from home."),
    # parties to a conflict called on to resolve their differences through dialogue (rule 8)
    ("probe312-314", "M", (1,),
     "The ministers called on the two countries to resolve their differences through "
     "dialogue."),
    # building a world of lasting peace and common prosperity is a slogan (rule 14)
    ("probe312-314", "S", (0,),
     "Our peoples share the goal of building a world of lasting peace and common "
     "prosperity."),
    # --- round 107: docs/coding/probe315/ to probe317/ ---
    # the road an organisation has travelled is a figure of speech, not transport
    ("probe315-317", "E", (0,),
     "Twenty years is a long road for a young organisation."),
    ("probe315-317", "E", (0,),
     "The book describes the road travelled by the Organisation since 2001."),
    ("probe315-317", "E", (1,),
     "The road from Osh to Kashgar will be rebuilt with a loan of the bank."),
    # knowing the price of terrorism is a loss known, not prices; terrorism is still security
    ("probe315-317", "SE", (1, 0),
     "Our peoples know the price of terrorism."),
    # cultural property illegally exported is a crime's object, not trade
    ("probe315-317", "E", (0,),
     "The museum has received back three manuscripts that had been illegally exported."),
    # a department's name and the place of a member state's mission are names (Names and lists)
    ("probe315-317", "S", (0,),
     "The guests were received by the head of the department for countering challenges and "
     "threats of the Secretariat."),
    ("probe315-317", "M", (0,),
     "He also met the permanent representative of Kazakhstan to the international "
     "organisations in Vienna."),
    # digital technology documenting heritage is culture, not the economy
    ("probe315-317", "E", (0,),
     "The ministers support the use of digital technologies for the documentation of "
     "ancient manuscripts."),
    # the right to choose the paths of development is a principle (rule 8), not the economy
    ("probe315-317", "EM", (0, 1),
     "They respect the right of peoples to choose the paths of their political and "
     "socio-economic development."),
    # --- round 108: docs/coding/probe318/ to probe320/ ---
    # a format named for its participants' portfolio (decision rule 2), as "responsible for"
    ("probe318-320", "E", (0,),
     "The meeting of the heads of ministries and agencies of the SCO member states in charge "
     "of energy was held in Bishkek on 3 March."),
    ("probe318-320", "E", (1,),
     "The ministers agreed to expand cooperation in energy and digital development."),
    # a UN trust fund's name is an outside body (Names and lists), not security or money
    ("probe318-320", "SEM", (0, 0, 1),
     "He briefed the participants on the work of the United Nations Trust Fund for Human "
     "Security."),
    # the legal basis of legal assistance cited in passing (rule 14)
    ("probe318-320", "M", (0,),
     "Extradition requests are handled under national law and the international treaties to "
     "which both states are parties."),
]


def test_the_sides_of_a_meeting_with_an_outside_partner_carry_it_in_what_they_discuss(lex):
    """Round 93 (rule 1): in a news item on a meeting with an outside organisation, "They
    also discussed ...", "Particular attention was paid to ..." and "An agreement was
    reached ..." report the two sides' exchange and carry its multilateralism; the same
    sentences after a meeting with a member state's ambassador carry none."""
    from framing_helpers import doc

    body = ["They also discussed cooperation in transport and trade.",
            "Particular attention was paid to countering drug trafficking.",
            "An agreement was reached to hold regular consultations."]
    outside = doc(["SCO Secretary-General meets the Secretary-General of the Economic "
                   "Cooperation Organization", *body], lex)
    member = doc(["SCO Secretary-General meets the Ambassador of Kazakhstan", *body], lex)
    assert [c[1:4] for c in outside] == [(0, 0, 1), (0, 1, 1), (1, 0, 1), (0, 0, 1)]
    assert [c[1:4] for c in member] == [(0, 0, 0), (0, 1, 0), (1, 0, 0), (0, 0, 0)]


def test_what_the_sides_expressed_or_stressed_continues_a_meeting_with_an_outside_partner(lex):
    """Round 94 (rule 1), as round 93: "They expressed interest ...", "They stressed ..."
    after a meeting with an outside organisation report the exchange; after a meeting with a
    member state's ambassador they carry no multilateralism."""
    from framing_helpers import doc

    body = ["They expressed interest in cooperation in trade.",
            "They stressed the importance of countering terrorism."]
    outside = doc(["SCO Secretary-General meets the Secretary-General of the Organisation of "
                   "Islamic Cooperation", *body], lex)
    member = doc(["SCO Secretary-General meets the Ambassador of Kazakhstan", *body], lex)
    assert [c[1:4] for c in outside] == [(0, 0, 1), (0, 1, 1), (1, 0, 1)]
    assert [c[1:4] for c in member] == [(0, 0, 0), (0, 1, 0), (1, 0, 0)]


def test_an_invitation_accepted_continues_a_meeting_with_an_outside_partner(lex):
    """Round 96 (rule 1): "The invitation was accepted with gratitude" closes a meeting with
    an outside organisation's head and carries its multilateralism; after a meeting with a
    member state's ambassador it carries none."""
    from framing_helpers import doc

    body = ["The Secretary-General invited his guest to visit the Secretariat.",
            "The invitation was accepted with gratitude."]
    outside = doc(["SCO Secretary-General meets the Secretary-General of ASEAN", *body], lex)
    member = doc(["SCO Secretary-General meets the Ambassador of Kazakhstan", *body], lex)
    assert [c[1:4] for c in outside] == [(0, 0, 1), (0, 0, 1), (0, 0, 1)]
    assert [c[1:4] for c in member] == [(0, 0, 0), (0, 0, 0), (0, 0, 0)]


def test_an_invitation_to_a_partner_s_head_continues_the_meeting_with_him(lex):
    """Round 98 (rule 1): "The Secretary-General invited his guest to visit ..." after a
    meeting with an outside organisation's head carries the meeting's multilateralism;
    after a meeting with a member state's ambassador it carries none."""
    from framing_helpers import doc

    body = ["The Secretary-General invited his guest to visit the Secretariat in Beijing."]
    outside = doc(["SCO Secretary-General meets the Executive Director of the UN Office on "
                   "Drugs and Crime", *body], lex)
    member = doc(["SCO Secretary-General meets the Ambassador of Kazakhstan", *body], lex)
    assert [c[1:4] for c in outside] == [(0, 0, 1), (0, 0, 1)]
    assert [c[1:4] for c in member] == [(0, 0, 0), (0, 0, 0)]


@pytest.mark.parametrize("probe, frames, expected, text", CASES)
def test_a_concept_from_a_probe_s_errors(lex, probe, frames, expected, text):
    got = codes(text, lex)
    assert tuple(got[FRAMES.index(f)] for f in frames) == expected


def test_a_situation_names_the_place_that_makes_it_a_conflict(lex):
    """The evidence of a situation's words names the place the sentence names; another kind
    of situation is noted with the word before it."""
    from discourse import framing

    tense = framing.explain("On the Tajik-Afghan border the situation remains tense.", lex)
    assert tense["evidence"]["security"] == ["situation (Afghan)"]
    named = framing.explain("They discussed the situation in Afghanistan.", lex)
    assert named["evidence"]["security"] == ["situation in Afghanistan"]
    other = framing.explain("They discussed the economic situation in Afghanistan.", lex)
    assert other["frames"]["security"] == 0
    assert "security 'situation in Afghanistan' a situation of another kind " \
           "('economic situation')" in other["blocked"]
    concern = framing.explain("They noted with concern that the humanitarian situation in "
                              "Afghanistan remains difficult.", lex)
    assert concern["frames"]["security"] == 0
    assert "security 'concern' a situation of another kind ('humanitarian situation')" \
        in concern["blocked"]


@pytest.mark.slow
def test_a_conflicts_section_names_its_places_or_the_lexicon_is_refused(tmp_path, lex):
    """conflicts.places must be a list of words; without the section the words of a
    situation name no place, so they carry no frame."""
    from conftest import CORPUS
    from discourse import framing
    from framing_helpers import assert_lexicon_error, dump_yaml, project_frames

    assert_lexicon_error(tmp_path, lambda d: d["conflicts"].update(places="Afghanistan"),
                         r"conflicts\.places")
    import shutil

    data = project_frames()
    del data["conflicts"]
    path = tmp_path / "no-conflicts.yaml"
    path.write_text(dump_yaml(data), encoding="utf-8")
    shutil.copy(CORPUS / "lexicons" / "states.csv", tmp_path)
    sentence = "Afghanistan remains a source of serious concern."
    assert codes(sentence, lex)[0] == 1
    assert codes(sentence, framing.load_lexicon(path))[0] == 0


@pytest.mark.slow
def test_the_words_that_measure_the_organisation_in_people_are_the_lexicon_s(tmp_path, lex):
    """Round 104's rule (the SCO's population beside its share of GDP is its weight, rule
    12) reads its words from the lexicon's measures.people: without the list the same
    sentence is an economic indicator, and a lexicon whose list is not a list of words is
    refused naming the field."""
    import shutil

    from conftest import CORPUS
    from discourse import framing
    from framing_helpers import assert_lexicon_error, dump_yaml, project_frames

    sentence = ("The member states are home to 40 per cent of the world's population and "
                "produce around a quarter of global gross domestic product.")
    assert codes(sentence, lex)[1:] == (0, 1)
    data = project_frames()
    assert data["measures"]["people"] == ["population", "humanity"]
    del data["measures"]["people"]
    path = tmp_path / "no-people.yaml"
    path.write_text(dump_yaml(data), encoding="utf-8")
    shutil.copy(CORPUS / "lexicons" / "states.csv", tmp_path)
    assert codes(sentence, framing.load_lexicon(path))[1:] == (1, 0)
    assert_lexicon_error(tmp_path, lambda d: d["measures"].update(people="population"),
                         r"measures\.people")
