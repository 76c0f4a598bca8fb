// Part 2 of 3 of the key-strength dictionary (see KeyStrengthWords.swift for its source and
// licence notice).
extension KeyStrengthWords {
    static let part2 = """
        doctors languages fucked distance pants trfnthbyf freak treatment marino continue movies escort
        folks product smitty cream mile bigfoot sources wild babes footballer truly larisa desk format
        trumpet clubs convince spartan client leadership valera initial threw babylon hurts offers asdfghj
        operating spending yankees1 answers avenue bigboobs officially shirt stormy chair columbia mister
        grade rough hamlet doin squadron aardvark fleet sees butterfl ought percent marathon farm paladin
        leaders wind cavalier agreement aware manchester dealing likely skater equipment pack indigo tight
        hornet hurting mount buckeyes grew guest 01011990 arrested method indians salem transferred karate
        confused intended hesoyam renamed surgery toronto expecting iron diamonds asia deacon chiefs reserve
        unfortunately buckeye capacity goddamn 1qaz2wsx3edc bottle politics highland beyond widely hotsex
        activity whenever charger advanced pool redman opinion relations passwor scottish starts maiden
        dedicated jerk drpepper crew storm falling founder pornstar episodes necessary garden barely lack
        12345678910 amount dancing pencil build sherlock copy efforts timber concept cousin thuglife ahem
        follows insane ordered twelve pizza leaves tess jungle positive skin jesus1 economy fifteen aragorn
        entertainment speech 1a2b3c affairs orders hamster complicated memorial david1 ability nowhere
        triumph escape illinois techno biggest communities lollol color restaurant pioneer grateful text
        catdog railroad usual 321654 burn scientific fktrctq address focus morpheus comedy someplace 141627
        screw serves pascal everywhere exchange shadow1 environment regret hobbit cars goodness wetpussy
        direction mistakes erotic details organized consumer firm responsibility blabla description suspect
        justme agency corner stones analysis hero chrissy dumb purpose spartak destroyed terrific goforit
        reception whoo burger hole planned pitbull memories revealed adgjmptw infantry italia architecture
        teeth barcelona growing ruined hunting bite featuring colors household stenbeck kissme candidate
        liar virgin removed showing overlord cards situated pebbles desperate models sundance knowledge
        search emerald pathetic solo doggy spoke technical racecar organizations scare irina assigned marah
        element afford conducted 1478963 participated settle zipper largely stayed alpine checking purchased
        basket hired register goddess gained heads poison combined concern nipple blew headquarters sakura
        adopted alcazar chichi champagne potential huskers connection protection 13579 scale tickets pussys
        approach happiness q12345 saving spread ultimate independence kissing ncc1701e hated mountains
        blackie personally titled nicola geography suggest rommel applied prepared matthew1 onto safety
        caserta downstairs mixed omega accepted ticket geronimo continues sammy1 captured loose trojan holy
        rail 123qwe123 defeat duty philips convinced principal nugget recognized throwing tarzan kissed
        lieutenant chicks legs mentioned aleksandr loud semi bassman owner saturday trixie babies joint
        portugal liberal anakin actress warning dodger miracle traffic bomber carrying creation superfly
        basic blind madness notes ugly q1w2e3r4t5y6 shopping unique loser hates supreme 123asd declared
        sight fatcat bride simply ybrbnf coat plants soldier clearly sales warlock celebrate massachusetts
        wrinkle1 brilliant designated desire parties wanting sexual forrester jazz babe compared lips
        seminole becomes custody alejandr resources screwed 951753 buying titles 11235813 concert toast
        westham learning thoughts andrei reality remain concrete lexie teaching access14 attitude versions
        weed advantage content letmein2 alongside grandfather ladybug revolution sami naked grandma sons
        christop block someday trombone premier roof tintin impact marrying bluesky champions powerful
        rhbcnbyf districts grown qazxswedc generation grandmother onelove estimated fake cdtnkfyf volume
        whore ideas image vfvjxrf exciting sites titans account familiar stallion bomb roles truck bout
        sport hansolo harmony quarter blue22 providing schedule smiles capable zone beagle practically yard
        panama correct scoring kingkong classes clue flatron forgotten presence inferno appointment
        performances mongoose deserves representatives connect hosted threat poiuyt bloody split snatch
        lonely taught qawsed origin shame juice jacket olympic blessed claims hook rocker critics scary
        snakes facility investigation turbo invite occurred bluemoon shooting suffered sex4me lesson
        municipal finger criminal damage jamaica defined victim a1234567 funeral resulted mulder considering
        respectively beetle burning expanded fuckyou1 platform strength passat draft harder immortal
        opposition sisters plastic expected pushed 123454321 educational shock anthony1 ontario pushing
        whiskey climate heat dietcoke chocolate reports suck atlantic miserable spunky corinthos surrounding
        magic1 nightmare performing monitor brings reduced cactus ranked zander exigen allows crash planet
        birth chances ripper nominated sending teen recognize younger spyder healthy newly apple1 boring
        kong nolimit feed positions hollywoo engaged theater sluts headed philadelphia sticky heritage
        treated trunks finals knife 1234321 disease drag 14789632 badly sixth pickles hire laws sailing
        paint reviews bonehead constitution pardon ghbdtnbr behavior tradition delta closet swedish charlott
        theme warn rubber fiction gorgeous 911911 milk rome 112358 medicine survive molly1 ends trains
        yomama dump resulting hongkong existing rent jumper deputy remembered william1 environmental
        thanksgiving ilovesex labour rain faster classical revenge unreal develop prefer cumming fans spare
        memphis granted pray 1123581321 disappeared receive nylons alternative aside legion begins statement
        sebastia nuclear sometime shalom fame meat pentium buried fantastic geheim breathing connected
        werewolf identified laughing funtime palace stood ferret affair falls orion letters ours curious
        combat depends 555666 protecting sciences niners effort jury cantona brave villages sprite fingers
        inspired philly murdered regions pirates explanation towns abgrtyu conservative picking lollipop
        blah chosen eternity animals stronger boeing handsome labor super123 attacks unbelievable sweets
        anytime materials cooldude shake yards tottenha oakdale steel green1 representative wherever jackoff
        orchestra pulling stocking facts peak 7895123 entitled waited moomoo lousy officials martini
        circumstances returning biscuit disappointed reference drizzt northwest weak colt45 imperial trusted
        fossil convention license makaveli examples nothin snapper ocean trash satan666 publication
        understanding maniac painting slip salmon sounded subsequent patriot awake frequently verbatim
        friendship religion nasty brigade stomach shasta fully weapon asdzxc sides threatened shaved acts
        mystery blackcat cemetery vegas raistlin relatively understood qwerty12345 basically oldest punkrock
        suggested switch cjkywt frankly succeeded 01012010 achieved cheap 4128 lifetime waterloo deny
        programme crimson cells clock twister garbage votes oxford promotion musicman graduate tear seinfeld
        armed ears biggie indeed supply condor changing flying ravens communist singing megadeth figures
        tiny wolfman decent literary cosmos avoid netherlands sharks korea messed banshee filled worldwide
        keeper citizens touched foxtrot disappear gn56gn56 exact faculty skywalke draw pills velvet kicked
        stock black1 harm seats sesame fortune occupied dogs methods pretending squirrel insurance unknown
        privet articles fancy sunrise claim drove wolverine cared holds sucks authorities belongs legolas
        audience nights grendel lorelai sweden ghost interview lift cats obtained timing carrot covers
        guarantee frosty chest settled lvbnhbq transfer woke blades burned marked stardust allowing watched
        frog funding heading qazwsxed challenge selfish 121314 drinks southeast coolio doll unlike brownie
        committed crown groovy elevator rise twilight freeze portion daytona noise transportation vanhalen
        sector wasting pikachu ceremony phase peanuts properties uncomfortable licker edge staring hershey
        files tropical jericho bike standards intrepid institutions stress ninja permission philosophy
        1234567a legislative thrown zaq123 hills possibility lobster borrow brand goblin fabulous fund
        punisher conflict doors strider screaming unable shogun bone founding kansas refused xander amadeus
        attempts seven7 meal metres jason1 apology permanent neptune anger starring showtime applications
        honeymoon muscle bail creating oldman effective parking ekaterina aired fixed rfrfirf extensive wash
        getsome employed stolen showme enemy sensitive 111222333 expansion stealing obiwan billboard photo
        skittles chose rank danni battalion lets tanker comfort multi maestro vehicle worrying tarheel
        fought pocket anubis alliance mateo hannibal bleeding category anal perform shoulder newlife
        federation ignore gothic poetry talent shark bronze tied fighter bands garage blue123 dies entry
        blues demons vehicles 123456z bureau dumped princes maximum witches slick billion rude chaos crack
        trees thunder1 bothering intelligence sabine greatest radar 1q2w3e4r5t6y screen soft python meantime
        refers test1 commissioned gimme mirage gallery kinds devil fate injury clover concentrate confirmed
        tequila setting throat chelsea1 prom treaty surfing adult messages delete americans intend potato
        ashamed broadcasting chubby somethin supporting panasonic manage pilot sandiego guilt mobile
        portland interrupt writers baggins guts programming fusion existence tongue sooners shoe squad
        blackdog basement minnesota buttons copies sentence californ korean purse moscow glasses provincial
        playtime cabin sets mature defence universe 1a2b3c4d offices repeat dagger agricultural mirror dima
        internal wound stimpy core travers asdf123 northeast tall gangster engagement retirement warriors
        factory therapy iverson actions emotional chargers jeez prevent byteme communications decisions
        swallow ending soup liquid thrilled weekly lucky7 containing stake dingdong chef functions nymets
        attempted moves cracker extremely interior mushroom moments weight 456852 bowl expensive crusader
        counting recognition bigguy incorporated shots miami increasing kidnapped dkflbvbh cleaning
        ultimately bugger documentary shift nimrod derived plate tazman attacked impressed stranger lyrics
        smells newpass mexican trapped doodle aidan external powder churches knocked gotcha centuries
        charming guardian attractive metropolitan dublin argue selling slapshot opposed puts septembe
        personnel whip 147896325 embarrassed mill pepsi1 package visited milano hitting presidential grizzly
        bust roads woody1 pieces stairs knights alarm norwegian photos controlled pure 2468 nail nookie
        nerve rear charly incredibly influenced rammstein walks wrestling brasil dirt weapons 123321123
        launch stamp scruffy composer terribly munchkin friendly locations poopie damned developing 123098
        circuit jobs kittycat specifically suffering latino disgusting studios walnut shared stopping 1701
        canal deliver thegame riding wisconsin viper1 helps publishing 1passwor approved disaster kolobok
        bars domestic picasso consisted crossed robert1 determined trap barcelon comic talks bananas eggs
        establishment trance chick exhibition auburn southwest threatening coltrane fuel spoken eatshit
        electronic introduce goodluck cape confession starcraft converted embarrassing wheels bags educated
        parrot impression melbourne postal gate hits blade reputation wins wisdom presents producing pink
        chat norway gorilla slightly suffer katerina argument occur pass123 surname talkin andrew1 crowd
        identity shaney14 homework represent dumbass coincidence constituency osiris cancel funds pride
        proved oakland links solve discover hopefully structures ranger1 athletic pounds spanking birds pine
        lonestar contest mate bingo illegal users meridian generous poet ping institution outfit heather1
        display maid dookie bath receiving stonecol punch rare megaman contained freaked 192837465 begging
        guns rjntyjr motion recall ledzep enjoying piano lowrider prepare temperature 25802580 publications
        wheel richard1 defend passenger firefly contributed signs griffey painful toward racerx cathedral
        yourselves paradox inhabitants maris ghjcnj architect gangsta exist suspicious zaq1xsw2 athletics
        cooking tacobell button muslim weezer courses warned sirius abandoned sixty halflife pity signal
        buffett successfully yelling shiloh awhile disambiguation 123698745 confidence tennessee vertigo
        dynasty offering sergei heavily pleased aliens maryland panic sobaka hers jews gettin representing
        kangaroo budget refuse sinner grandpa weather soccer1 missouri testify choices introduction bonjour
        cruel faced socrates mental pair chucky chapel gentleman hotboy coma reform sprint cutting height
        0007 proteus vietnam sarah1 guests occurs scarlet expert motor celica benefit cambridge shazam faces
        lands formula1 focused jumped sommer sought toilet trebor patients sneak qwerasdf halloween shape
        jeep invasion privacy mailcreated5240 chemical smoking bollox importance reminds asshole1
        communication twins fuckface selection swing honda1 regarding solid rebels homes options vacation
        commitment voivodeship lexmark crush maintained penguins ambulance borough 12369874 failure wallet
        ragnarok aged gang formula eleven passing 258456 agriculture option tempest laundry oregon vfhecz
        assure teachers tacoma flow stays qwertz philippines skip colombia fail trail flames discussion
        seventh rockon clinic portuguese duck betrayed resistance prodigy reaching sticking wookie bored
        negative dodgeram fashion mansion mustangs scheduled soda 123qaz downtown sheriff sithlord suite
        universities smoker handled trained busted skills bang load scenes incubus happier views scoobydo
        notably studying oblivion romance typical molson incident procedure kitkat candidates commit
        titleist assignment engines rescue decades suicide zxcv1234 composition minds carpet commune swim
        1122 chain yell bigballs llanview tardis austria chasing jimbob proper sale xanadu believes values
        blueeyes employees humor shaman chamber hopes mersedes lawyers regarded pooper giant winners pussy69
        latest registered golfing escaped task hearts investment parent mallard colonial tricks 12312312
        insist swiss kenwood dropping patrick1 cheer entirely dogg flag medication cowboys1 flesh stores
        oracle closely routine 123zxc entrance sandwich nuttertools handed laid 102938 false journalist
        topper beating coal 1122334455 equal warrant shemale awfully causes sleepy odds turkish gremlin
        quebec treating yourmom techniques thin 123987 promote suggesting gateway1 fever junction printer
        easily sweat monkeys dates silent peterpan clever kentucky mikey singapore sweater kingston mall
        residence cooler sharing violence analsex advance assuming jimbo judgment survey pa55word goodnight
        humans asterix divorced expressed freckles passes surely birdman steps streets frank1 confess
        distinguished defiant math qualified aussie folk listened stud comin establish blondes answered
        egypt tatyana artillery vulnerable 445566 bless visual aspirine dreaming improved mariners actual
        chip jackal finishing zero deadhead medium pissed katrin nate protein anime kills switzerland
        rootbeer productions tears frogger knees operate polo chill poverty scooter1 brains neighborhood
        hallo organisation unusual noodles consisting packed thomas1 consecutive dreamed parola cure
        sections shaolin lookin partnership celine extension grave 11112222 cheating reaction plymouth
        breaks factor creampie costs locker justdoit bodies gifts ohyeah awkward device fatass ethnic
        thursday assfuck joking racial amazon flat reasonable 1234567q dozen objects kisses chapter curse
        magnus improve quartermaine camel millions musicians nopass courts dessert bosco controversy rolling
        987456 detail membership 6751520 alien merged harley1 delicious wars putter closing expedition
        champs interests vampires massive arab wore spidey comics tail lightnin gain secure camelot
        describes salad letsgo mining murderer gizmodo bachelor spit aezakmi crisis offense bones dust
        joining caliente conscience decade 12121 bread goodtime answering distributed thankyou habitat lame
        raiders1 invitation routes brucelee arena grief redalert cycle smiling aquarius divisions pregnancy
        456654 briefly prisoner catherin delivery vocals smokin directors guards pooh degrees virus mypass
        object shrink astros freezing recordings roller installed wreck porkchop adjacent massimo sapphire
        demand wire qwert123 technically voted kevin1 blown causing a1s2d3f4 anxious businesses beckham cave
        ruled atomic grounds holidays rusty1 cleared starred vanilla drawn wishes qazwsxedcrfv caring
        opposite hunter1 candles stands kaktus bound formal cxfcnmt charm operates blacky persons pulse
        753159 counties jumping elvis1 compete jokes aggies boom wave blackjac israeli occasion bangkok ncaa
        silence scream nonsense resigned 123321q brief frightened iforgot greece slipped power1 combination
        dimera kasper blowing demographics abc12 historian relationships buster1 contain kidnapping slappy
        commonwealth spin shitty musician tool veritas collected roxy chevrole argued packing amber1 blaming
        louisiana 01012001 wrap vader cabinet obsessed amsterdam fruit parliamentary jammer electoral
        torture primus loan personality spectrum profit eduard fairy regularly granny conservation
        necessarily horny1 islamic seventy sasha1 print purchase clancy motel usa123 charts underwear satan
        grams residential diamond1 earliest exhausted hitler believing designs avenger freaking paintings
        1221 carefully survived spankme moth trace 123456qwerty items touching simba goods messing smudge
        grey recovery scrappy anniversary intention labrador consequences criticism john316 belt images
        syracuse discovery sacrifice front242 courage observed falcons enjoyed underground husker attracted
        progress candyman additionally remove commando participate testimony gator intense thousands pacman
        heal reduce delta1 defending elementary pancho owners unfair krishna relieved stating fatman iraq
        loyal clitoris resolution slowly pineappl buzz capture lesbians alcohol tank 8j4ye3uz rooms
        surprises barkley hollywood psychiatrist vulcan finance plain punkin attic queensland boner reign
        celtics maintain uniform monopoly iowa terrified flyboy cleaned landing romashka broad zach hamburg
        outstanding threaten 123456aa circle fella lick enemies path gangbang manufacturing satisfied 223344
        assistance imagination area51 hooked sequence spartans gmina headache aaa111 crossing forgetting
        tricky counselor leads snuggles andie universal drago acted shaped homerun badge kings vectra
        attached naturally homer1 frozen medieval hermes ages sakes topcat appropriate metro cuddles colony
        trunk infiniti affected dunno 1234567890q costume scholars cosworth oklahoma sixteen goose coastal
        impressive phoenix1 kicking soundtrack killer1 junk painted ivanov attend grabbed bossman definition
        understands qawsedrf describe meanwhile peugeot clients purposes exigent owns trophy doberman affect
        require durango marketing witnesses brandon1 popularity starving plumber cable instincts telefon
        happily mathematics horndog discussing mississippi laguna deserved represents rbhbkk scheme
        strangers dawg appeal surveillance webmaster admire distinct breeze factors questioning beast acid
        dragged porsche9 barn subjects beefcake deeply roughly leopard terminal wrapped redbull economics
        wasted oscar1 senator tense topdog diocese hoped godsmack fellas prix theking contrast roommate pics
        argentina mortal omega1 czech fascinating speaker stops wings viktoria arrangements relief fuckers
        agenda stages bowler duties literally starbuck propose gjkbyf honesty novels valhalla accused
        underneath anarchy sauce whilst blacks equivalent promises herbie charged lecture kingpin eighty
        measure starfish documents torn nokia couples shocked loveit backup request achilles danish
        differently 906090 defensive ninety labtec deck guide ncc1701a biological devices fitness pheebs
        statistics jordan1 credited ease brando creep tries arsenal1 passengers waitress bull allied
        telephone kicker frame ripped napass puerto raising desert peninsula scratch sailboat concluded
        rings bohica instruments prints tractor thee wounded hidden arguing differences muppet associate
        ephram jackson1 asks forests jimmy1 afterwards oops terminator diner phillies annoying requirements
        pa55w0rd aviation taggert terror sergeant solution farside blast offensive swingers ownership towel
        legacy clown inner frontier habit legislation butthole creature hungarian doughboy bermuda
        contributions jrcfyf actors snap tuesday react translated sabbath denmark paranoid daniel1 handling
        steam nebraska depending eaten homers aspects therapist qwertyuio assumed comment azamat injured
        sink fallen reporter severe agent007 admitted nurses striker beats determine camels priority shore
        iguana interrupting technique looker arrival warehouse pinkfloy loyalty measures moloko inspector
        translation qwerty123456 debuted pleasant dannyboy delivered excuses luckydog returns threats 789654
        guessing rejected pistol separated tend whocares praying visitors charmed damaged motive skiing
        storage unconscious select accompanied mysterious franky markets unhappy puppy industries tone
        daniil losses switched vladik gulf rappaport vette charter sookie vfrcbvrf neighbor strategy
        ihateyou corporate loaded nevada socialist swore moneys piss somewhat vkontakte balance
        significantly mandingo physics toss puppies misery mounted 666777 satellite thief mystic experienced
        squeeze zidane constant lobby kotenok relative dilligaf geez pattern budman exercise restored
        bunghole belgium forth zvezda booked connecticut 123457 partners sandburg triton harvard poker
        golfball eighteen retained technics networks trojans bury protected panda everyday mode laptop
        artistic digging rookie creepy parallel 01011991 collaboration wondered 15426378 debate liver
        aberdeen hmmm involving gustav journey magical jethro fits linked enterprise discussed salt igor
        authors moral stripper components helpful filter context searching hurrican flew occupation rfnthbyf
        depressed requires lespaul aisle occasionally gizmo1 cris policies butch amen tamil 132435 ottoman
        vows dthjybrf neighbors revolutionary 1366613 darn hungary excalibu cents poem 963852 arrange versus
        nofear annulment gardens momoney amongst useless possum adventure audio cutter makeup resist oilers
        fourteen frequency moocow celebrating meters cupcake inch orthodox gbpltw continuing debt batman1
        suggests violent splash legislature sand svetik coalition super1 celebration guitarist soleil eighth
        reminded bogdan classification phones melissa1 paperwork practices vipers emotions soil babyboy
        stubborn tokyo tdutybq instance pound lancelot limit tension ccbill coverage stroke keystone
        considerable steady passwort overnight ranking flamingo chips colleges firefox beef cavalry dogman
        centers suits vortex boxes daughters rebel cassadine twin noodle collect equipped raven1 broadway
        tragedy zaphod narrow spoil killme hosts realm pokemon1 rates wipe coolman domain surgeon danila
        boundary stretch designer arranged stepped skinny nephew kamikaze neat whereas deadman brazilian
        limo gopher confident forming doobie perspective rating warhammer climb strategic deeznuts
        competitions punishment freaks finest trading engage covering springfield chevy1 baltimore hint
        steve1 commissioner furniture apollo13 blanket infrastructure poncho origins twist hammers proceed
        replacement azsxdc fries praised dracula disc worries 000007 collections niece sassy expression
        gloves bitch1 soap ukraine boots driven signature deskjet disappoint edited 12332 austrian crawl
        macdaddy convicted solar mighty ensure flip rangers1 counsel premiered manchest doubts successor
        sterlin crimes wooden casey1 accusing operational meatball hispanic shaking mailman concerns
        remembering sinatra hallway rapid cthulhu halfway prisoners summer1 bothered childhood bubbas madam
        meets cartoon gather influential bicycle cameras tunnel eatpussy blackmail employment truelove
        symptoms tribe sentinel qualifying rope tolkien adapted ordinary breast imagined temporary capone
        celebrated cigarette lickit appearing supportive summit explosion increasingly 123456k depression
        trauma peter1 adults ouch daisy1 cinema furious kitty1 cheat entering 123456789z avoiding laboratory
        crazy1 script whew jamesbon flows thick texas1 oooh romania sexygirl accounts boarding 362436
        approve fictional sonic pittsburgh urgent billyboy achieve shhh redhot misunderstanding monastery
        microsof drawer franchise microlab formally phony daddy1 interfere tools rockets catching newspapers
        iloveyo bargain revival fernand sponsored tragic gordon24 processes respond danie punish vienna
        cutlass penthouse springs polska missions thou star69 classified rach titties ohhh pantyhos annually
        insult 01011985 branches bugs thekid beside lakes aikido begged gender gofish absolute manner mayday
        advertising strictly 1234qwe normally socks coke maintenance senses anfield adding sneaking sony
        characteristics reward lansing integrated polite smut checks decline scotch modified tale sexx
        physically strongly catman critic instructions 73501505 fooled victims hustler blows malaysia saun
        arkansas tabby dfkthbz bitter nazi passwor1 adorable restoration jenny1 powered azsxdcfv monument
        tested cheers hundreds suggestion irish1 depth jewelry gabrie alike tinman controversial jacks
        orioles admiral distracted 1225 criticized shelter charlton brick lessons fortuna constable honorary
        01011970 circus initiative airbus audition output rustam tune visiting xtreme birmingham shoulders
        bigmoney mask progressive zxcasd existed helpless retard carbon feeding grumpy explains huskies
        credits sucked boxing colour robbery 4runner objection rising kelly1 behave hence ultima defeating
        valuable warlord shadows superior fordf150 courtroom filmed oranges confusing listing rotten column
        talented asdfjkl smarter surrounded superstar mistaken orleans denali customer principles sultan
        bizarre territories bikini scaring struck saratoga motherfucker participation thor alert indonesia
        figaro movements vecchio sixers index reverend wildfire commerce foolish vladislav compliment
        conduct 128500 bastards constitutional sparta spiritual worker mayhem ambassador wheelchair greenbay
        protective vocal chewie completion gentle music1 edinburgh reverse number1 picnic residing cancun
        knee tourism fabie cage finland mellon bears wives poiuytrewq medals wednesday cloud9 resident
        voices crunch themes toes bigtime stink visible chicken1 indigenous scares piccolo involvement pour
        bigbird basin cheated 321654987 electrical slide billy1 ruining ukrainian mojo concerts filling
        01011981 boats exit maradona cottage styles sandro processing upside chester1 proves rival bizkit
        drawing parked rjirfrgbde diary vessels 789123 complaining experimental rightnow confessed declined
        jasmine1 pipe touring hyperion merely supporters treasure compilation massage meatloaf chop coaching
        armani cited spill rovers dated prayer jarhead betray roots 01011986 waiter cruise explained scam
        coconut rats transit dragoon fraud traditionally utopia brush poems davids minimum tables cosmo
        representation sympathy rfhbyf pill reebok filthy releases 1066 effectively seventeen charli
        architectural employee giorgi bracelet triple sticks indicated pays sayang fairly greatly pass1234
        deeper elevation exodus arrive clinical anaconda printed tracking zaqxsw spite illini proposal shed
        woofwoof peaked recommend emily1 oughta producers sandy1 nanny romanized packer menu rapidly
        poontang diet stream govols corn innings jedi meetings roses tomato counter patch beaner dime
        householder cooter devastated honour creamy lasted subtle lionking agencies bullets happy123 beans
        document albatros exists pile poodle confirm surviving kenworth experiences strings dinosaur honors
        parade greens borrowed landscape goku hurricane toys happyday harbor straighten eeyore panel steak
        tsunami competing premonition cabbage planted profile holyshit honored vessel turkey50 exam farmers
        memorex convenient lists chaser revenue traveling bogart exception laying orgasm customers insisted
        tommy1 dish volley aitoro participants whisper kindly wildlife knopka grandson utah ericsson bible
        donor walleye gradually temper 321123 preserved teenager pepper1 proven replacing katie1 mothers
        symphony chickens begun denial tyler1 backwards longest corrado siege tent twisted provinces swell
        100000 mechanical noon zorro genre happiest clemson drives transmission zxcasdqwe agents thinkin
        tootsie executed spirits milana potion videos zenith benefits holes fktrcfylhf fence funded shania
        rated whatsoever frisco instrumental rehearsal polniypizdec0211 ninth overheard crazybab lemme
        similarly junebug dominated hostage fugazi bench destruction rereirf passage tryin vfvekz taxi
        """
}
