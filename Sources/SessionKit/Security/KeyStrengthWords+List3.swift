// Part 3 of 3 of the key-strength dictionary (see KeyStrengthWords.swift for its source and
// licence notice).
extension KeyStrengthWords {
    static let part3 = """
        technologies 1001 shove thereafter sausage moron outer vfczyz facing impress koshka affiliated
        needle clapton intelligent opportunities justin1 instant instrument anhyeuem disagree governments
        condom scholar stinks fubar evolution rianna hardrock channels recover skywalker groom shares tundra
        gesture cocks constantly widespread gringo bartender occasions 150781 engineers suspects canon
        scientists sealed vitalik legally aspire battery hears stocks competitive dresses samsung1 alleged
        sheet applepie eliminated psychic abc12345 supplies teenage arjay judges knocking gandalf1 hampshire
        judging boob accidentally regime pillow portrayed waking sparkle penalty rumor gmoney manners taiwan
        rockhard denied homeless lucky13 hollow submarine samiam desperately scholarship everest substantial
        tapes hellyeah referring transition bigsexy item victorian skorpion genoa http rfrnec gear
        nevertheless hedgehog filed majesty australi cried supports candle continental tons slacker spells
        tribes dicks instinct ratio voyeur doubles quote jazzman motorcycle useful america1 convincing
        honours bobby1 blocks fashioned br0d3r aids principle wolfie accomplished retail vfksirf departure
        grip 1qa2ws3ed bump ranks 13243546 patrol upsetting fright needing yorkshire yosemite invisible
        vancouver forgiveness inter karolina extent feds fart afghanistan compare barsik bothers strip surf
        railways tooth cheetah component inviting baddog earn organ deniska compromise symbol starship
        categories cocktail bootie encouraged tramp milena abroad jabot hithere civilian intimate kume
        dignity periods greatone dealt traveled dildo souls writes 50cent informed struggle gods immediate
        albion dressing recommended amanda1 adaptation cigarettes midget alistair egyptian lion graduating
        leak maxell assault fond football1 corky drums cyclone nomination seduce freeporn historically
        liquor nikola fingerprints voting bonsai allies enchantment kenshin butters detailed slider
        achievement stuffed balloon percentage stavros roadkill arabic emotionally killbill assist
        transplant 222333 frequent tips jerkoff oxygen toured 78945612 apply nicely dinamo lunatic tekken
        drill intersection rambler complain maine goliath announcement touchdown cinnamon throne unfortunate
        malaka produces slap backdoor contribution prayers fiesta emerged plug packers1 obtain opens
        rastaman archbishop oath fletch seek sojdlg123aljg mutual researchers stefano remainder yacht
        artemis populations remembers calico clan fried nyjets extraordinary finnish damnit bait overseas
        robotech fifa warton duchess licensed sworn rctybz chemistry stare hooter festivals safely keywest
        mediterranean reunion 18436572 burst injuries hal9000 animated mechanic dive seeking pingpong aboard
        publisher operator expose volumes presto buddies limits sword trusting venue rasputin booze
        jerusalem spank generated sweep bristol sore trials faggot islam scudder shado properly youngest
        963852741 parole ruling amsterda ditch glasgow 321456 canceled germans wibble songwriter speaks
        carrera glow persian alibaba municipalities wears majestic donated thirsty ramses skull viewed
        duster belgian ringing route66 cooperation dorm trident dining posted clipper bend tech steeler dual
        unexpected wrestlin pancakes volunteer divine harsh settlers kipper commanded flattered gotohell
        ahhh claiming kingfish approval troubles snake1 delhi fights passwords favourite usage buttman eats
        terminus pompey partly rage viagra electricity undercover zxcvbnm1 locally spoiled spurs editions
        sloane 332211 premiere shine slutty absence destroying lineage2 belief deliberately oleg conspiracy
        traditions macross statue thoughtful pooter indicate sandwiches brian1 manor plates qwert1 nails
        stable charles1 attributed miracles slave fridge possession jokers drank managing yzerman contrary
        viewers swimmer beloved chile ne1469 allergic overview nwo4life seed washed solnce regulations
        stalking seamus essential solved lolipop minority sack pupsik cargo misses moose1 forgiven segment
        ivanova bent endemic secret1 forum maciver matador deaths involve love69 dragging monthly 420247
        cooked playoffs ktyjxrf erected pointing subway foul practical cinder dull machines vermont beneath
        suburb pussie heels relation chico faking florian deaf descent magick indoor stunt guiness
        continuous jealousy allsop characterized hopeless ghetto fears solutions flash1 caribbean cuts
        a123456789 rebuilt scenario typhoon necklace serbian dfkthf crashed summary depeche accuse contested
        skydive psychology restraining dammit homicide pitch seeker attending helicopter fuckthis firing
        muhammad crysis safer tenure kcj9wx5n auction drivers umbrella diameter videotape r2d2c3po assets
        tore 123123q reservations venture snoopdog pops punk critter airlines appetite theboss concentration
        wounds ding athletes vanquish 162534 ironic volunteers splinter fathers pages kinky excitement mines
        cyclops anyhow influences jayhawk sculpture tearing 456321 protest sends caramel ferry rape qwer123
        behalf laughed underdog belly drafted caveman apparent dealer onlyme cooperate furthermore grapes
        accomplish ranging feather romanian wakes hotshot democracy spotted fuckher lanka sorts renault
        reservation significance george1 ashes linear sex123 tastes pippen certified supposedly 000001 loft
        voters 789987 intentions recovered floppy integrity tours cunts demolished wished megapass
        boundaries towels 1000 assisted suspected pornos identify investigating usmc grades inappropriate
        kickass elsewhere lipstick great1 lawn mechanism quattro compassion 135246 cafeteria reportedly
        wassup aimed scarf helloo conversion precisely p0015123 obsession suspended nicole1 loses
        photography chivas departments lighten shannon1 beijing infection bullseye granddaughter locomotives
        java explode publicly fishes balcony dispute blackhaw magazines jamesbond resort spying tunafish
        conventional publicity juggalo depend platforms dkflbckfd cracked internationally 123789456 capita
        conscious dallas1 ally settlements translator absurd dramatic 122333 derby vicious beanie
        establishing invented alucard forbid involves gfhjkm123 directions statistical supersta defendant
        implementation magicman bare immigrants ashley1 announce exposed cohiba diverse screwing xbox360
        layer salesman caligula robbed vast 12131415 ceased leap facial connections lakeview 7753191
        belonged insanity dfktynbyf interstate reveal cobra1 possibilities uefa cigars kidnap organised fang
        abuse gown klingon chairs deployed bob123 cattle wishing safari partially setup looser filming
        punished 10203 criminals mainstream deepthroat reduction regrets malina automatic raped 200000
        quarters rarely tazmania lamp subsidiary gonzo decides dentist goalie anyways merger jacob1
        anonymous comprehensive monaco displayed semester cruiser amendment risks misfit guinea owes vh5150
        exclusively lungs tommyboy explaining manhattan marino13 concerning delicate yousuck commons tricked
        sharky eager radical vfhufhbnf doomed serbia horizon adoption baptist absolut buses stab brighton
        initiated sickness 123456r portrait scum death1 floating harbour kungfu choir envelope maxx citizen
        vault forfun sole sorel mamapapa pretended unsuccessful enter1 manufactured potatoes budweise
        enforcement plea banker connecting photograph getmoney increases payback kostya misunderstood
        patterns qazwsx12 kiddo sacred bigbear healing muslims vector cascade clothing fallout capeside
        hindu nudist stabbed unincorporated gunners remarkable sentenced royals advisory brat chainsaw
        privilege tanks scania campaigns passionate trader fled nerves blueboy lawsuit repeated walrus
        kidney remote eastside disturbed rebellion kahuna cozy implemented qwerty1234 texts tire love123
        fitted shirts steph oven tribute 01011989 ordering writings cypress delay sufficient champ ministers
        risky undertaker monsters ybrjkfq devoted honorable europa grounded jurisdiction snowboar closest
        coaches sabres breakdown interpretation moneyman bald pole chrisbln abandon businessman minime peru
        scar nipper collar sporting groucho prices worthless whitey cuba sucking viewsonic enormous
        relocated penthous disturbing opponent wolf359 arrangement disturb fabric distract elite flounder
        deals manufacturer coolguy conclusions responded whitesox suitable vodka passme dishes distinction
        smegma calendar crawling skidoo briefcase dominant thanatos tourist wiped fucku2 earning whistle
        snapple prefecture sits dalejr roast ties mondeo preparation rented thesims anglo pigs mybaby
        flirting pursue panasoni deposit worship sinbad archaeological bottles thecat chancellor topic
        topher bangladesh riot frodo overreacting scores sneakers logical traded q123456 hostile lowest
        z1x2c3 embarrass horror alfa casual outdoor chicago1 beacon biology taylor1 amusing commented
        ghjcnjnfr altar specialized cat123 claus loop olivier arriving survival cyber farming skirt titanium
        housed shave 0420 historians porch madison1 ghosts jabroni favors patent dang drops pupils hambone
        christianity dizzy intruder chili opponents holly1 advise athens gargoyle northwestern strikes
        sadie1 maps rehab static photographer promoting poseidon peaceful reveals studly flights leery
        newcastl exclusive heavens sexxxx fortunately lions poppy fooling norfolk johannes expectations
        hebrew danzig cigar extensively beastie eldest weakness musica ranch shops buckshot acquisition
        practicing sunnyday examine virtual adonis cranes renowned bluedog bribe margin bonkers ongoing sail
        2128506 essentially prescription chrono hush iranian compute alternate fragile spawn forensics
        sailed 01011988 expense reporting turbo1 conclusion drugged smelly cows originated wapbbs bells
        temperatures goldstar exposure visitor ferrari1 secured suitcase 778899 landed sorta quantum rifle
        scan pisces framework manticore boomboom identical gunnar imagining martial 1024 focuses hardest
        test1234 clerk topics florida1 ballet wrist nike fighters superman1 belonging starters multiplelo
        silk wealthy custom negotiations pump motherlode evolved pale 1qwerty bases nicer westwood haul
        oriented usnavy acres flies apple123 boot democrat daewoo heights thumb korn restricted stereo vary
        sasuke elders graduation sunflowe aftermath quietly watcher chess pulls dharma idiots illness 555777
        erase participating mouse1 denying vertical assholes ankle collective babyblue amnesia immigration
        123qwerty accepting demonstrated marius heartbeat leaf walmart completing devane snoop confront
        organic starfire minus missile tigger1 leeds legitimate paintbal eligible fixing knickers arrogant
        grammar aaliyah confederate tuna lokomotiv improvement supper theend congressional slightest
        winston1 sins wealth sapper cincinnati sayin rover recipe spaces erotica indicates pier scanner
        corresponding paternity racer humiliating reaches zeus genuine repair sexy69 isolated snack doogie
        rational taxes bayern congregation minded joshua1 guessed ratings newbie leagues weddings scott1
        diplomatic tumor losers humiliated submitted droopy aspirin winds outkast awareness spray martin1
        photographs picks dodge1 eyed maritime wasser drowning nigeria ufkbyf accessible contacts rjycnfynby
        animation ritual thirteen perfume restaurants 12345z hiring philippine 112211 hating inaugural
        hotred dismissed docks deejay armenian creatures hotpussy illustrated visions 192837 reservoir
        thanking jessic speakers thankful philippe programmes sock scout nineteen resource panther1 fork
        genetic cubbies interviews throws havefun camps teenagers magpie regulation stressed fghtkm
        computers slice avalanch preferred rolls newyork1 plead travelled pudding comparison ladder leonid
        distinctive kicks harry1 detectives recreation cbr600 assured requested audia4 southeastern tellin
        bimmer dependent shallow fucku brisbane responsibilities 01011984 breeding repay idontknow howdy
        playoff vfvfgfgf expand girlfriends 1357 bonus deadly aleksey comforting gauge builder ceiling
        departed 01011987 qualification verdict zerocool insensitive inspiration godfather shipping spilled
        mylife respected slaves donuts messy variations allmine interrupted shield redfish halliwell
        theories 777888 blond munich sascha bleed recognised nitram emphasis wardrobe bounce favour takin
        333666 murders variable smokes backs seeds 1x2zkg8w underestimate undergraduate rodman justify
        territorial stunner harmless intellectual zxasqw12 frustrated qualify hoosier fold mini hairy banned
        enzo beretta communicate pointed insert bugging democrats 123456s arson assessment rtyuehe judicial
        whack francesc examination salary tights attempting rumors cheese1 objective obligation micron
        liking partial quartz characteristic dearest hockey1 congratulate hardware gegcbr pradesh vengeance
        searay execution rack jewels ottawa puzzle bogey fires metre paintball courtesy drum celeron caller
        exhibitions padres blamed withdrew bing attendance tops syncmaster phrase quiz ziggy journalism prep
        simon1 curiosity logo beaches circles measured prissy barbecue error diehard christians sunnydale
        orange1 spinning trio mittens protestant psychotic aleksandra cough theology queens accusations
        respective 02071986 atmosphere resent biggles buddhist laughs thongs freshman substitute southpark
        curriculum envy artur drown fundamental twinkle bartlet outbreak gretzky asses rabbi rabota
        intermediate sofa cambiami designation poster monalisa globe highness gollum dock liberation
        chuckles apologies simultaneously spike1 diseases theirs gladiator experiments stat whisky
        locomotive stall spongebob difficulties realizes sexy1 mainland psych 03082006 mmmm nepal mazafaka
        fools relegated meathead contributing understandable 4121 database treats ou8122 developments
        succeed barefoot stir veteran 12345678q carries relaxed cfitymrf makin ranges bigass gratitude
        instruction a1s2d3 faithful lodge kosmos accent protests blessing obama witter titty newcastle
        wandering clevelan experiment locate terrapin inevitable physician ginger1 describing gretel johnboy
        challenges deed maggot corruption crushed clarinet controlling delaware deeznutz adventures smelled
        336699 ensemble robe stumpy gossip succession stoney gambling renaissance footbal cosmetics tenth
        traveler accidents altitude volvo receives surprising bucket approached stiff snapon crosses sincere
        pianoman rushed syria hawkeyes croatia refrigerator futbol preparing warsaw casanova nightmares
        professionals tango improvements mijo goodboy ignoring worn scuba airline hunch honey1 compound
        fireworks sexyman drowned permitted warthog brass preservation mustard reducing whispering abc1234
        printing sophisticated nickel luggage scientist 10203040 activist hike meowmeow comprises explore
        1012 emotion sized boricua crashing societies prophet contacted enters sauron complications ruler
        12qwas gospel shining reefer earthquake rolled andromeda extend righteous crystal1 autonomous
        reconsider joker1 croatian goody 90210 geek serial goofy decorated frightening loco ethics relevant
        lovesex creeps ideal triangle courthouse grows whatsup camping grass mellow affection tier bengals
        smythe towers monster1 haircut wider maste essay welfare 01011910 baked columns lover1 alumni
        apologized love1 descendants vibe 123aaa interface respects sunshin receipt reserves smeghead
        banking mami hokies colonies hats sting destructive manufacturers welder adore magnetic rambo adopt
        closure cerberus pitched tracked bunny1 shorts vocalist rockford preserve reminding monke dough
        enrolled 1q2w3e4r5 cancelled creations goldwing cabot equation gabriell barrel buzzard nickname
        snuck crjhgbjy bulgaria slight james007 heroes reporters rainman exile pressing groove magnificent
        mathematical tiberius demands madame purdue input lazy nokia6300 glorious structural hayabusa
        fiancee tube shou bits stem jagger approaches visitation diver argentine sane zigzag axis kindness
        poochie manuscript shoulda usarmy inherited rescued phish depicted mattress redwood lounge targets
        redwing lifted visits 12345679 importantly veterans salamander glove regard silver1 enterprises
        removal abcd123 disappointment efficiency sputnik condo organisations boobie beings concepts ripple
        admitting lebanon eternal manga yelled 12qw34er petersburg waving thegreat rally spoon allstar
        screech supplied slinky amounts satisfaction gesperrt reads yale mishka nailed tournaments whiskers
        broadcasts worm pinhead signals tick overkill pilots resting sweet1 azerbaijan marvelous rhfcjnrf
        architects fuss montgom240 cortlandt enzyme sersolution chased literacy jamie1 declaration pockets
        starman luckily placing proxy batting lilith swords filing incumbent nikolay bulgarian conversations
        bacardi consideration consistent rasta consciousness poll badgirl defended worlds rebecca1 innocence
        landmark wildman forehead southwestern penny1 aggressive raid spaceman resignation trailer 1007 slam
        travels 10101 casualties quitting logan1 inform prestigious hacked delighted namely bulldog1 aims
        daylight helmet danced recipient windsor confidential warfare buffy1 aunts readers runescape
        collapse washing trapper coached tossed 123451 controls spectra banane marrow volleyball dbrnjh coup
        lined ripken implying lesser 12345qwe hatred verse frisky grill pairs shun corpse exhibited fester
        clues proteins oasis molecular sober lightning abilities offended ib6ub9 integration morgue cicero
        consist infected kool aspect humanity pony advocate distraction thedog administered cart 784512
        governing wired 01011992 hospitals violation megatron commenced promising illusion coins harassment
        edward1 glue lords napster variation 11223 cursed resumed squash brutal canton roadking artificial
        warlocks woohoo elevated wagon 19411945 palm unpleasant hoosiers difficulty proving 01091989 civic
        priorities tracker efficient bagira lease northeastern midway flame inducted leavemealone
        disappearance radiation br549 affiliate depressing 14725836 boards thrill 235689 sitter stakes
        menace byzantine ribs rachel1 consumption flush feng earrings freight laser deadline interaction
        stoned corporal oblast realmadrid collapsed numbered 787898 seminary update balloons contracts
        snapped tinkerbell extinct smack 5551212 melt predecessor maria1 bearing figuring pobeda cultures
        delusional heineken coulda functional sonics burnt neighboring moonlight revised tender optimus
        cylinder sperm comet grants realise orchid narrative pork 02071982 popped reforms jaybird athlete
        interrogation kashmir esteem tales 12345678a choosing reflect chuang presidency undo chunky
        compositions pres peach prayed specialist mortgage cricketer plague rulezzz founders manipulate
        saleen insulting sequel chuckie detention widow zippy delightful disbanded fishing1 associations
        coffeehouse gsxr750 backed betrayal doghouse apologizing thereby maxim adjust pitcher reader
        commanding wrecked shai boulevard wont buddah singers whipped benfica crops rides chou militia
        reminder salomon monsieur reviewed meister centres faint eraser bake waves blackbir consequently
        distress bigmike correctly fortress starter complaint tributary pissing blocked portions angus
        bombing tortured deluxe excellence risking eagles1 nest pointless hardcock handing payment 135792468
        dumping mars mian cups plaza seahawks alibi unity godfathe struggling victories bookworm scotia
        shiny gregor farms risked intel mummy nominations talisman mint variant blackjack attacking hose
        babyface hobby suspension hawaiian fortunate installation dogfood fleischman graphics zhong estates
        fitting 01011975 comments curtain sancho acoustic counseling ludmila destination rode medusa puppet
        venues mortimer modeling surrender 123456654321 memo retreat roadrunn irresponsible libraries
        just4me humiliation quarterback stalin customs hiya 01011993 berkeley freakin handyman collaborated
        felony alphabet choke gathered pizzas blackmailing syndrome calgary appreciated dialogue clouds
        recruited tabloid password2 shanghai suspicion cgfhnfr neighbouring recovering pledge psychological
        cubswin panicked saudi gong moderate nursery lexus exhibit louder max123 innovation jeans xxx123
        depot investigator digital1 binding homecoming gfhjkm1 brunswick frustrating 7779311 buys situations
        missy1 busting certificate michae actively buff beautifu shakespeare sleeve gator1 editorial irony
        1005 dope presentation declare ports autopsy relay nationalist workin methodist torch archives prick
        experts limb hysterical maintains collegiate goddamnit bishops fetch dimension maintaining crowded
        temporarily clip embassy climbing essex bonding wellington connects woah reformed trusts bengal
        negotiate lethal recalled iced inches doctrine fantasies deeds deemed bore legendary babysitter
        reconstruction questioned statements outrageous palestinian kiriakis meter achievements insulted
        grudge riders driveway interchange deserted spots auto definite accurate beep chorus wires dissolved
        suggestions missionary searched owed thai lend operators drunken demanding generations costanza
        failing conviction delayed bumped cork nashville weigh perceived touches tempted venezuela cult
        shout emerging resolve relate tomb abolished poisoned documented meals gaining invitations canyon
        haunted bogus episcopal autograph stored affects assists compiled tolerate kerala stepping
        kilometers spontaneous mosque sleeps grammy probation manny theorem fist unions segments spectacular
        glacier hostages arrives heroin havin theatrical circulation habits conferences encouraging chapters
        consult burgers displays boyfriends circular authored bailed baggage conductor fewer watches
        dimensional troubled nationwide torturing liga teasing sweetest yugoslavia peer qualities postpone
        vietnamese fellowship overwhelmed armies malkovich impulse regardless classy relating charging
        dynamic amazed politicians mixture policeman hypocrite serie humiliate somerset hideous imprisoned
        posts beliefs costumes beta bluffing betting layout bein independently bedtime electronics alcoholic
        provisions fastest vegetable logic tray headquartered suspicions creates spreading challenged
        splendid beaten shrimp appeals shouting plains pressed nooo protocol graphic grieving accommodate
        gladly fling iraqi eliminate midfielder cereal span aaah commentary freestyle sonofabitch paralyzed
        reflected lotta palestine lighting locks burial guaranteed dummy virtually backing despise dental
        prague briefing tribal bluff heir batteries identification prototype whatta criteria sounding dame
        servants arch presume handwriting tissue fainted footage dried extending allright procedures
        acknowledge predominantly updated whacked rhythm toxic preliminary reliable cafe quicker disorder
        overwhelming lining prevented harassing suburbs discontinued fatal endless retiring dolls oral
        convict followers extends whatcha massacre unlikely journalists shutting conquest positively larvae
        overcome goddam pronounced behaviour essence diversity dose diagnosis sustained addressed cured
        bully geographic ahold restrictions voiced yearbook milwaukee tempting dialect shelf prosecution
        quoted grid pouring nationally possessed greedy nearest roster wonders thorough twentieth separation
        spine indies rath manages psychiatric citing meaningless intervention latte guidance jammed ignored
        severely fiance migration artwork evidently contempt focusing compromised rivals cans trustees
        varied weekends enabled urge committees theft centered suing shipment skating scissors slavery
        cardinals responding forcing proposition noises tasks auckland matching hormones youtube argues hail
        colored grandchildren advisor gently mumbai smashed requiring sexually sentimental theological
        nicest registration manipulated refugees intern nineteenth handcuffs survivors framed runners
        colleagues errands entertaining priests contribute crib carriage variants barge workshop
        concentrated spends creator slipping lectures seated rubbing temples exploration rely reject
        requirement interactive recommendation navigation reckon companion headaches float perth allegedly
        embrace corners releasing citizenship whining observation sweating skipped stationed mountie motives
        sheep breed listens cristobel discovers cleaner encourage cheerleader kilometres balsom journals
        performers unnecessary isle stunning saskatchewan scent hybrid quartermaines hotels pose lancashire
        montega dubbed loosen airfield info anchor hottest haunt suburban gracious theoretical forgiving
        sussex anglican errand cakes stockholm blames permanently abortion upcoming privately sketch
        receiver shifts optical plotting highways perimeter congo pals colours mere aggregate mattered
        authorized lonigan interference repeatedly eyewitness varies enthusiasm fluid diapers innovative
        strongest transformed praise shaken convoy punched demanded portal catches discography attraction
        backyard export terrorists audiences sabotage ordained organs enlisted needy cuff occasional
        civilization westminster syrian woof heavyweight bosnia prank consultant obnoxious eventual mates
        hereby improving aires gabby faked wickets cellar epic reactions whitelighter scandal void strangle
        discrimination sour buenos muffins interfering patron demonic investors clearing conjunction
        boutique testament barrington construct encountered terrace celebrity smoked expanding righty
        georgian quack brands petey pact retain knot underwent algorithm ketchup disappearing foods cordy
        provision orbit uptight ticking transformation associates terrifying tactical tease compact swamp
        secretly varieties rejection stability reflection refuge gathering realizing moreover rays manila
        mentally configuration marone doubted gameplay deception discipline congressman entity cheesy
        comprising composers toto skill stalling monitoring scoop ribbon ruins immune museums expects
        sustainable aerial destined altered bets bathing codes appreciation voyage accomplice friedrich
        conflicts wander shoved storyline sewer travelling conducting scroll merit retire indicating lasts
        fugitive referendum currency freezer discount encounter cranky particles automobile crank clearance
        workshops acclaimed bodyguard anxiety inhabited accountant doctorate cuban whoops phenomenon
        volunteered dome talents enrollment stinking remotely tobacco garlic governance decency trend cord
        equally beds manufacture altogether hydrogen grande uniforms compensation tremendous download
        popping outa pianist grain observe lung shifted hangs neutral evaluation feelin define dudes cycling
        donation disguise seized array curb bites relatives antique motors firms toothbrush realistic
        varying automatically predict landlord restore hourglass nicknamed findings hesitate consolation
        governed babbling investigate manitoba tipped stranded smartest vital integral repeating indonesian
        puke confusion psst paycheck publishers enable overreacted geographical macho inland juvenile
        grocery naming civilians freshen disposal reconnaissance cuffs indianapolis caffeine lecturer deer
        vanished tourists unfinished exterior ripping pinch rhode bassist flattering expenses symbols
        dinners scope ammunition colleague ciao yuan belthazor poets attorneys punjab nursing woulda cent
        whereabouts developers waitin estimates truce presbyterian tripped nasa tasted holdings steer
        generate poisoning manipulative renewed computing immature cyprus husbands arabia heel duration
        granddad compounds delivering condoms gastropod addict permit trashed valid raining touchdowns
        facade pasta interactions needles leaning mineral detector practiced allegations coolest batch
        consequence appointments goalkeeper almighty baronet copyright vegetables spark uprising carved
        perfection pains targeted competitors momma mentions mole meow sanctuary fees hairs getaway pursued
        cracking tampa chronicle compliments behold capabilities specified verge specimens tougher timer
        toll accounting tapped limestone taped specialty staged snooping upgraded philosophical shoots
        rendezvous streams guild pentagon leverage revolt jeopardize rainfall janitor supporter grandparents
        princeton forbidden terrain clueless hometown bidding probability assembled ungrateful paulo
        unacceptable surrey tutor serum voltage developer scuse destroyer pajamas floors mouths lineup lure
        curve irrational doom prevention cries potentially beautifully onwards arresting trips approaching
        imposed hosting traitor striking sympathetic smug strict admission smash apartments rental
        prostitute solely premonitions utility jumps proceeded inventory observations darlin euro committing
        incidents banging vinyl asap profession haven worms distant violated expelled vent rivalry traumatic
        runway traced sweaty torpedo shaft zones overboard shrine dimensions insight healed investigations
        grasp lithuania experiencing idaho crappy pursuit copenhagen crab chunk considerably awww locality
        stain wireless decrease shack genes reacted pronounce thermal deposits poured hindi moms habitats
        marriages jabez withdrawn
        """
}
