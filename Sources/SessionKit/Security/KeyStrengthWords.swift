/// The key-strength estimator's dictionary, most common first (a word's rank is its guess count):
/// placeholders people put in configuration, then common passwords, common English words and
/// common names, merged by their rank in their own list. Derived from zxcvbn's frequency lists
/// (Dropbox, MIT licence): the top 3,000 of its `passwords`, 3,500 each of its television/film
/// and Wikipedia English words, and 1,200 US census names; lowercase, 3 letters or more, about
/// 11,000 words in all. The lists come from the `zxcvbn` 4.5.0 package on PyPI, whose licence
/// asks that this notice go with them:
///
///     MIT License. Copyright (c) 2016 Daniel Wolf. Permission is hereby granted, free of charge,
///     to any person obtaining a copy of this software and associated documentation files (the
///     "Software"), to deal in the Software without restriction, including without limitation the
///     rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
///     the Software, and to permit persons to whom the Software is furnished to do so, subject to
///     the following conditions: The above copyright notice and this permission notice shall be
///     included in all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED
///     "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE
///     WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO
///     EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
///     LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
///     CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
///
/// One string literal, split into a rank table at first use: an array literal this long would
/// slow type-checking down.
enum KeyStrengthWords {
    /// Word → rank (1 = most common). Built once, on first use.
    static let ranks: [String: Int] = {
        var ranks: [String: Int] = [:]
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) where ranks[String(word)] == nil {
            ranks[String(word)] = ranks.count + 1
        }
        return ranks
    }()

    /// The longest word, in characters: no dictionary match is tried beyond it.
    static let longest: Int = ranks.keys.map(\.count).max() ?? 0

    static let text = """
        secret key secretkey secrets changeme change replace replaceme default example sample dev
        development devel prod production staging test testing tests debug local localhost flask django
        rails laravel express session sessions sessionkit cookie cookies signing sign token app application
        apps web website server service api admin administrator root user username password passphrase
        passwd pass pwd qwerty letmein welcome hello world foo bar baz foobar qux lorem ipsum dolor sit amet
        super private random string strong long hard guess unsafe insecure mysecret yoursecret my your our
        this that not very really keyboard cat dog hunter dragon monkey todo fixme xxx none null undefined
        empty blank temp tmp demo tutorial config settings env 123456 james mary smith the you john johnson
        patricia 12345678 and linda robert williams barbara jones michael 123456789 brown elizabeth was
        william 12345 david davis jennifer 1234 for maria miller richard what 111111 charles susan wilson
        1234567 joseph know margaret moore dorothy taylor thomas with 123123 anderson christopher lisa
        baseball daniel have jackson nancy abc123 karen paul white football betty from harris mark donald
        helen his just martin george sandra thompson shadow donna garcia kenneth were master are carol
        martinez steven 696969 edward robinson ruth which mustang brian clark doc sharon 666666 https
        michelle rodriguez ronald qwertyuiop also anthony laura lewis 123321 but kevin lee sarah 1234567890
        all has jason kimberly walker pussy deborah had hall matthew well superman allen first gary jessica
        654321 about one shirley timothy young 1qaz2wsx cynthia hernandez jose right their 7777777 angela
        its king larry fuckyou after get jeffrey melissa wright qazwsx brenda frank here lopez new jordan
        amy hill out scott who 123qwe anna eric going green they 000000 adams like rebecca stephen two
        killer andrew baker her virginia yeah trustno1 gonzalez kathleen raymond she been can gregory nelson
        pamela harley carter joshua martha other zxcvbnm debra jerry mitchell want when asdfgh amanda dennis
        perez think time buster during roberts stephanie walter batman carolyn now patrick there turner
        soccer christine into peter phillips tigger campbell harold him marie school charlie douglas how
        janet more parker sunshine catherine evans got henry may iloveyou carl did edwards frances years
        fuckme ann arthur collins over why ranger joyce only ryan see stewart hockey come diane roger
        sanchez year computer alice good joe morris most starwars juan julie rogers would asshole heather
        jack look reed pepper albert city cook teresa will klaster doris jonathan morgan okay some 112233
        back bell gloria justin where zxcvbn between evelyn murphy terry freedom bailey gerald jean later
        mean princess cheryl keith rivera tell three maggie cooper mildred samuel state hey katherine
        richardson such willie ginger cox joan ralph then 11111111 ashley could howard lawrence national
        131313 judith nicholas used ward fuck made rose roy torres yes love benjamin janice known peterson
        something cheese because bruce gray kelly under 159753 brandon many nicole ramirez say summer adam
        judy take university watson chelsea brooks christina harry united way dallas fred kathy little
        sanders while biteme make part price theresa wayne matrix bennett beverly billy need season yankees
        denise gonna steve team wood 6969 barnes louis never tammy these corvette american irene jeremy ross
        austin aaron henderson jane than too access coleman film lori randy thunder eugene jenkins rachel
        second merlin born carlos marilyn perry sure andrea powell russell south diamond became bobby
        kathryn sorry louise patterson states victor hammer ernest hughes let sara war fucker anne flores
        phillip thing through 1234qwer being jacqueline maybe todd washington silver butler down including
        jesse wanda gfhjkm bonnie both craig man simmons internet alan before foster julia samantha gonzales
        north ruby shawn golfer bryant clarence high lois should scooter alexander anything however sean
        tina griffin people philip phyllis said orange chris diaz family much norma any early hayes johnny
        paula q1w2e3r4t5 diana earl even history myers maverick album annie ford jimmy off sparky antonio
        area hamilton lillian please phoenix danny doing emily graham them mickey bryan robin series
        sullivan thank bigdog against give peggy tony wallace snoopy crystal luis thought until woods guitar
        cole gladys help mike since whatever district rita stanley talk west chicken county dawn god leonard
        owens camaro connie name nathan reynolds still mercedes dale fisher florence wait work peanut ellis
        find life manuel tracy ferrari edna group harrison nothing rodney falcon again curtis gibson music
        tiffany cowboy carmen following mcdonald norman things cruz marvin number rosa sexy cindy company
        marshall vincent samsung call glenn grace ortiz several steelers four gomez jeffery told wendy
        smokey called great murray travis victoria dakota better edith freeman jeff played arsenal chad ever
        kim released wells boomer career jacob night sherry webb eagles away league melvin simpson sylvia
        tigers alfred believe game josephine stevens marina feel government kyle thelma tucker nascar
        everything francis house porter shannon booboo bradley each hicks sheila gateway based crawford
        ethel fine jesus yellow boyd day ellen herbert last porsche elaine frederick keep mason same monster
        does marjorie morales ray won spider carrie joel kennedy put use diablo around charlotte edwin
        station warren hannah club dixon don monica stop bulldog eddie esther international ramos junior
        pauline reyes ricky town london burns emma guy located troy purple gordon juanita population randall
        compaq always anita barry general shaw lakers bernard college holmes listen rhonda iceman east hazel
        mario rice wanted qwer1234 amber found guys leroy robertson hardcore age eva francisco huh hunt
        cowboys black debbie march marcus those money april big daniels end micheal banana leslie lot palmer
        september theodore ncc1701 began clara clifford happened mills boston home lucille miguel nichols
        thanks tennis grant jamie oscar public q1w2e3r4 church jay joanne knight trying coffee eleanor
        ferguson jim kind line scooby june stone tom valerie wrong 123654 calvin danielle hawkins river
        talking nikita alex dunn megan member yamaha alicia care jon perkins system mother bad hudson place
        ronnie suzanne barney bill century michele mom spencer brandy band gail gardner lloyd remember
        chester bertha getting july stephens tommy fuckoff darlene leon payne york oliver derek january
        pierce together veronica player berry dad darrell jill october forever erin jerome leave matthews
        song rangers arnold august floyd geraldine understand midnight best lauren leo wagner chicago
        actually alvin cathy former willis bigdaddy british hear joann tim watkins redsox baby lorraine
        olson party wesley angel carroll dean lynn named nice badboy duncan father greg held sally fender
        else jorge regina snyder village jasper dustin erica hart show stay slayer beatrice cunningham done
        pedro rabbit derrick dolores lane november natasha andrews bernice course dan took marine audrey
        might ruiz zachary bigdick corey december harper mind yvonne wizard annette built every fox herman
        marlboro another enough marion maurice riley raiders armstrong dana major try vernon prince
        carpenter hell roberto stacy within casper along ana came clyde weaver fishing glen greene members
        renee someone flower elliott five hector ida jasmine chavez shane single vivian whole iwantu due
        ricardo roberta sims yourself panties although holly idea peters sam adidas ask brittany kelley rick
        small winter franklin lester melanie must old winner brent coming lawson left loretta gandalf fields
        final looking ramon yolanda password1 gutierrez jeanette large tyler woman enter gilbert include
        laurie room schmidt ghbdtn building carr gene katie knew 1q2w3e4r kristen marc served tonight
        vasquez golden castillo president real reginald vanessa cocacola alma received ruben son wheeler
        jordan23 brett chapman games hope sue winston death elsie montgomery nathaniel went madison beth
        february hmm rafael richards angels edgar happy jeanne main williamson panther johnston milton
        pretty third vicki blowme banks carla raul saw set sexsex ben children girl meyer tara bigtits
        bishop cecil own rosemary sir spanky duane eileen friend mccoy order bitch already andre howell
        species terri sophie alvarez elmer gertrude park saying asdfasdf brad law lucy morrison next horny
        air gabriel hansen job tonya thx1138 ella fernandez problem published ron toyota garza minute road
        roland stacey tiger died harvey jared thinking wilma dick adrian book burton gina canada heard karl
        kristin men nguyen 12344321 cory honey jacobs jessie women blowjob army claude matter natalie reid
        8675309 agnes erik fuller myself often muffin according darryl lynch vera liverpoo charlene
        education exactly garrett neil apples bessie central christian having romero qwerty123 country
        delores javier probably welch passw0rd division fernando happen larson melinda abcd1234 clinton
        english frazier pearl pokemon arlene burke hurt ted top 123abc boy hanson included mathew maureen
        slipknot colleen dead mendoza tyrone qazxsw allison darren french gotta moreno 123456a alone bowman
        community lonnie tamara scorpion among excuse joy lance medina qwaszx cody fowler georgia start
        water butter brewer constance julio kill play startrek hoffman kurt lillie side rainbow allan
        carlson claudia list asdfghjkl clayton jackie silva times today razz car hugh marcia near pearson
        newyork holland late max ready tanya redskins dwayne fleming form nellie without gemini dwight
        jensen minnie original wants cameron armando different hold marlene vargas qazwsxedc byrd center
        felix heidi wanna florida davidson glenda jimmie power yet liverpool everett hopkins led lydia seen
        turtle deal herrera ian students viola sierra courtney german ken once wade viking bob gone marian
        moved soto booger court jaime morning stella walters butthead caroline casey neal six supposed
        doctor alfredo caldwell dora friends land rocket alberto council head lowe vickie 159357 dave island
        jennings mattie stuff dolphins barnett ivan maxine worry captain graves irma johnnie live record
        bandit jimenez mabel million sidney truth jaguar byron face horton marsha research packers art
        forget julian myrtle shelton pookie barrett established isaac lena true peaches award cause christy
        clifton obrien 789456 castro deanna soon street willard asdf daryl knows military patsy sutton
        dolphin hilda mckinney television telling virgil helpme andy given gwendolyn lucas wife blue jennie
        miles region salvador theman chance kirk nora rodriquez support maxwell chambers margie run sergio
        western qwertyui holt move nina seth shithead anyone cassandra kent lambert non lovers fletcher leah
        person political terrance maddog bye penny point rene watts giants bates cup eduardo kay somebody
        nirvana hale heart period priscilla terrence metallic business enrique miss naomi rhodes hotdog
        carole freddie making pena title rosebud beck meet olga started stuart mountain anyway billie
        fredrick newman various warrior arturo dianne election haynes phone stupid alejandro mcdaniel reason
        tracey using elephant damn england joey leona mendez suckit bush jenny lost nick role success
        felicia looks luther produced vaughn bond007 become bring parks sonia wendell jackass case dawson
        jeremiah miriam program alexis evan santiago turn velma works porn becky field julius norris wish
        lucky bobbie donnie hardy tomorrow total scorpio kids office otis steele violet samson class curry
        kristina trevor trust q1w2e3 check luke powers toni written azerty association homer misty schultz
        rush2112 anymore barker gerard mae radio driver doug guzman least shelly union freddy daisy kenny
        level page 1q2w3e4r5t championship hubert munoz ramona working sydney angelo ball director makes
        sherri gators erika few keller shaun taking dexter chandler force katrina lyle means red123 brother
        claire created matt weber 123456q alfonso department hate lindsey walsh 12345a ago founded lindsay
        lyons orlando bubba geneva ramsey rex says services creative beautiful carlton guadalupe married
        wolfe voodoo belinda ernesto gave schneider though golf fact margarita mullins pablo per trouble
        benson crazy america sharp site nissan afraid bowen open gunner act barber important garfield
        cummings rest short bullshit fun hines society asdfghjk baldwin kid version 5150 griffith royal word
        fucking present valdez watch apollo glad hubbard northern 1qazxsw2 everyone salazar worked 2112
        professional reeves sister eminem full minutes warner legend everybody returned stevenson airborne
        bit burgess joined bear couple santos story beavis france tate whoa apple cross either european
        brooklyn currently garner mrs godzilla feeling language mann skippy daughter mack social 4815162342
        california moss wow buddy gets india thornton qwert asked days mcgee kitten break design farmer
        magic delgado promise shelby aguilar door further beaver close round vega phantom australia glover
        hand asdasd easy manning wrote xavier cohen question san braves harmon project tried darkness
        control far rodgers blink182 robbins southern walk copper needs newton railway platinum blair board
        mine qweqwe higgins killed popular tomcat continued hospital ingram 01012011 anybody free reese
        girls alright battle cannon bigboy considered strickland wedding 102030 shut townsend video animal
        able common potter police die goodwin position online living perfect walton 11223344 half rowe stand
        voyager comes hampton playing lifehack hit ortega recorded 12qwaszx patton red waiting fish dinner
        post swanson sniper described funny goodman 315475 average husband maldonado trinity almost records
        yates blazer becker pay special heaven answer erickson modern lover appeared cool hodges snowball
        announced eyes rios playboy areas conner news loveme adkins child rock bubbles release webster
        hooters elected malone yours cricket hammond moment others willow flowers sleep donkey cobb read
        term topgun moody opened nintendo quinn similar sounds saturn formed pope sonny destiny osborne pick
        route pakistan census mccarthy sometimes pumpkin bed current guerrero digital date estrada schools
        sergey originally plan sandoval redwings gibbs hours lake explorer developed gross lose tits
        fitzgerald hands race himself serious stokes runner doyle forces shit therock addition behind
        saunders guinness information inside wise lasvegas ahead colon upon beatles gill province week
        789456123 alvarado match wonderful fire event fight greer cassie padilla past songs christin cut
        result waters qwerty1 events nunez quite celtic ballard win asdf1234 eastern schwartz sick andrey
        mcbride track broncos eat houston lead 007007 christensen nobody teams babygirl goes klein science
        eclipse human pratt save fluffy briggs construction seems cartman finally minister parsons michigan
        germany lives mclaughlin carolina awards worried zimmerman available buchanan upset alexande carly
        moran throughout birdie copeland met training pantera brought pittman style cherry body brady seem
        vampire mccormick museum sort mexico australian holloway safe dickhead brock health buffalo leaving
        poole seven genius front logan signed montana bass chief shot beer eventually loved marsh minecraft
        appointed asking drake maximus running sea wong flyers centre clear jefferson lovely debut figure
        morton stalker abbott hot tour metallica felt points sparks doggie media norton parents snickers
        drink huff light speedy absolutely massey range bronco character figueroa lol123 across carson daddy
        paradise bowers features sweet yankee alive families roberson horses barton largest sense magnum
        indian meant tran dreams happens lamb network 147258369 bet harrington less lacrosse blood boone
        performance ou812 cortez players goober clarke kidding refer enigma europe lie mathis qwertyu
        meeting singleton sold scotty dear festival wilkins pimpin cain seeing usually bollocks sound taken
        underwood surfer despite fault hogan cock designed mckenzie ten poohbear buy collier committee
        genesis hour luna process star phelps return speak asd123 lady mcguire official qweasdzxc bridges
        episode jen racing institute thinks wilkerson hello1 christmas nash stage hawaii followed outside
        summers eagle1 atkins hang performed viper japanese possible wilcox poopoo personal pitts worse
        einstein conley mistake thus boobies arts marquez ooh 12345q burnett handle space bitches cochran
        low spend drowssap chase months totally simple davenport giving includes badger china hood alaska
        gates marriage study action ayala middle realize jester magazine sawyer unless drummer leading sex
        vazquez 111222 dickerson japan send spitfire groups hodge needed forest acosta aircraft scared
        maryjane featured flynn picture champion espinoza federal talked diesel ass civil nicholson svetlana
        hundred monroe rights friday changed model wolf hotrod coach completely morrow 147258 canadian
        explain whitaker chevy books certainly oconnor lucky1 remained skinner westside boys eight ware
        security molina relationship type google independent kirby loves badass completed hair huffman
        tester capital gilmore lying shorty academy choice dominguez thumper anywhere instead oneal hitman
        future kingdom lang mozart combs organization weird zaq12wsx countries kramer luck boobs hancock
        studies reddog competition gallagher turned 010203 gaines sports touch lizard kiss shaffer size
        a123456 above crane wiggins 123456789a mathews questions section ruslan finished mcclain obviously
        eagle fischer gold wonder 1232323q involved pain wall scarface calling melton reported qwerty12
        hensley management somewhere 147852 bond systems throw a12345 dyer industry straight buddha cold
        directed grimes porno contreras fast market 420420 fourth words wyatt spirit baxter food movement
        money1 snow technology stargate bank drive mosley qwe123 feelings ground shepherd naruto campaign
        larsen mercury base hoover marry liberty beasley drop lower 12345qwert cannot petersen sent semperfi
        dream rather whitehead suzuki added meyers protect popcorn garrison provided twenty spooky coast
        shields surprise marley grand horn sweetheart scotland historic poor savage kitty looked olsen
        valley cherokee conference mad schroeder vikings bridge except hartman simpsons gun winning woodard
        rascal approximately mueller qweasd dance films kemp hummer chinese deleon takes loveyou appreciate
        awarded booth michael1 degree especially patel patches calhoun russian situation russia besides
        shows wiley jupiter eaton native pull penguin cline female passion navarro replaced worth cumshot
        harrell municipality sheridan vfhbyf amazing humphrey square honda expect parrish studio vladimir
        duran medical swear sandman data hutchinson piece passport african busy hess raider dorsey happening
        successful bastard bullock mid movie 123789 bay robles infinity attack beard catch assman dalton
        perhaps previous bulldogs avila operations step fantasy fall rich spanish sucker blackwell theatre
        watching 1234554321 johns kept student horney blankenship darling republic domino beginning trevino
        budlight honor provide salinas disney campos moving ship ironman primary pruitt till usuckballz1
        admit callahan owned softball montoya problems writing brutus hardin murder tournament redrum
        culture guerra bigred evil introduced mcdowell mnbvcxz definitely stafford texas fktrcfylh feels
        gallegos related karina henson honest natural marines eye parts wilkinson digger booker broke
        governor kawasaki merritt missed reached cougar atkinson ireland longer fireman dollars orr units
        oksana decker senior tired monday decided evening hobbs cunt italian starting tanner justice entire
        knox whose nigger higher pacheco trip africa niles stephenson wildcats glass standard suppose tinker
        calm income rojas logitech imagine professor serrano dancer fair marks placed swordfis caught
        hickman regional avalon blame los sweeney everton buildings sitting alexandr championships favor
        mcclure motorola active apartment conway patriots novel roth terrible hentai clean energy maynard
        madonna farrell generally learn pussy1 frasier interest lowery ducati hurst relax via colorado
        accident economic nixon connor previously wake weiss juventus prove stated trujillo galore ellison
        itself smart smooth channel message sloan freeuser below juarez missing warcraft forgot operation
        winters boogie interested leader mclean titanic boyer table traditional wolverin nbsp trade
        villarreal elizabet mccall mouth structure arizona gentry limited pregnant valentin carrillo ring
        runs saints ayers careful prior asdfg lara regular shall accord dude famous sexton test123 pace ride
        saint password123 figured hull navy christ foreign leblanc wear yfnfif browning listed shoot stinky
        artist stick velasquez slut catholic follow leach spiderma airport angry chang naughty results write
        chopper parliament stopped hello123 collection ran ncc1701d standing unit extreme forgive officer
        skyline goal jail poop attended wearing zombie command ladies pearljam kinda staff 123qweasd
        commission lunch froggy cristian lived awesome greenlee location vision gotten plays pirate
        commercial hoping fylhtq phoebe places dreamer foundation thousand bullet ridge significant predator
        older paper empire medal tough 123123a self tape kirill count scored charlie1 boyfriend companies
        panthers highway proud penis activities agree skipper birthday programs nemesis wide rasdzv3 musical
        share peekaboo notable offer rolltide hurry library cardinal feet numerous psycho paris wondering
        danger decision towards mookie individual ones happy1 allowed finish wanker plant voice chevelle
        herself property manutd annual goblue contract mess 9379992 deserve whom hobbes evidence highest
        vegeta cute initially fyfcnfcbz dress required 852456 earlier interesting picard assembly hotel
        159951 artists enjoy windows quiet rural loverboy concerned seat victory practice staying vfrcbv
        beat defeated bambam ended sweetie serega mention soviet 123654789 clothes length turkey fell spent
        tweety manager neither galina mmm press hiphop associated fix rooster author respect issues prison
        berlin additional attention taurus characters holding suckme calls lord polina surprised zealand
        electric policy avatar engine keeping 134679 gift township maksim noted raptor historical putting
        alpha1 complete dark hendrix financial owe newport ice religious bigcock helping mission brazil
        contains normal spring aunt nine a1b2c3 lawyer recent madmax apart represented alpha pennsylvania
        plans britney administration jax sublime girlfriend opening darkside floor secretary bigman lines
        whether wolfpack report classic box executive hercules judge youth ronaldo closed upstairs letmein1
        sake theory 1q2w3e mommy writer 741852963 italy possibly spiderman angeles worst blizzard acting
        appearance 123456789q accept feature cheyenne blow queen cjkysirj launched strange tiger1 legal
        saved wombat conversation terms bubba1 entered plane pandora issue mama zxc123 edition yesterday
        holiday lied singer wildcat greek quick devils lately majority horse background stuck alabama
        difference source 147852369 anti store caesar cultural 12312 bought complex buddy1 changes doubt
        bondage listening recording pussycat stadium walking pickle cops islands shaggy deep operated
        catch22 dangerous particularly leather basketball buffy chronic month sleeping a1b2c3d4 chloe uses
        port rafe qqq111 castle join qaz123 card mostly airplane crime names kodiak fort gentlemen freepass
        selected willing billybob increased window sunset status walked katana earth guilty phpbb likes
        subsequently chocolat fighting pacific snowman cover difficult angel1 soul variety stingray certain
        joke firebird favorite goals wolves remains uncle zeppelin promised upper detroit bother congress
        pontiac becoming seriously gundam cell studied panzer irish knowing vagina broken nature outlaw
        advice particular redhead loss somehow tarheels caused paid greenday chart losing nastya push
        01011980 forced helped hardon create killing engineer boss era dragon1 liked retired hellfire
        innocent material serenity review rules cobra learned rate fireball singles thirty lickme referred
        risk darkstar larger letting 1029384756 individuals speaking 01011 ridiculous shown mustang1
        afternoon provides flash apologize products 124578 nervous speed strike charge democratic beauty
        patient poland pavilion boat parish 01012000 olympics bobafett cities hide dbrnjhbz detective
        themselves bigmac planning temple bowling huge wing chris1 breakfast genus ytrewq horrible
        households natali awful serving pyramid cost pleasure rulez driving wales welcome1 hanging stations
        dodgers passed picked apache sell supported swimming quit view whynot apparently cases teens dying
        forms trooper actor notice fuckit congratulations male defender matches visit precious males 135790
        stars packard letter tracks weasel decide females popeye administrative forward lucifer fool median
        cancer effect showed icecream biography smell 142536 seemed train raven engineering spell swordfish
        camp memory presario offered pictures viktor chairman slow rockstar houses seconds blonde hungry
        mainly james1 hearing wutang kitchen surface spike therefore pimp nearly atlanta realized score
        airforce ancient kick thailand grab subject casino discuss prime lennon fifty seasons mouse claimed
        reading 741852 experience idiot hacker specific suddenly bluebird agent jewish hawkeye destroy
        failed 456123 bucks overall theone believed shoes catfish peace plot sailor arms troops goldfish
        demon greater nfnmzyf livvie spain tattoo consider consists pervert broadcast papers barbie heavy
        incredible maxima increase witch nipples drunk raised machine attorney separate trucks campus tells
        wrangler knock rocks appears ways tornado gives presented lights lies nose cadillac composed skye
        bubble recently turns pegasus influence keeps madman fifth jealous longhorn drug nations browns
        creek sooner target cares references 666999 elections plenty eatme britain extra qazwsx123 double
        outta microsoft cast weekend dilbert matters meaning christia earned gosh baller carried opportunity
        lesbian impossible producer shooter latter waste xfiles housing pretend seattle brothers jump qazqaz
        attempt eating cthutq article proof amateur response slept prelude arrest border corona breathe
        remaining freaky nearby perfectly malibu direct warm 123qweasdzxc pulled ships assassin twice value
        246810 easier workers atlantis goin politician integra academic dating pussies label suit iloveu
        romantic lonewolf commander drugs dragons comfortable rule monkey1 fellow finds unicorn checked
        residents software authority divorce bobcat begin editor stealth ourselves transport peewee closer
        dutch openup projects ruin 753951 responsible smile srinivas covered laugh zaqwsx territory treat
        valentina fear flight shotgun races trigger defense otherwise veronika excited tower bruins emperor
        mail coyote albums hiding babydoll facilities stole joker daily pacey dollar noticed stories lestat
        assistant fired rocky1 excellent managed hottie bringing primarily bottom quality butterfly function
        note wordpass proposed sudden smiley bathroom distribution sweety conditions honestly snake prize
        sing chipper foot journal woody code remind samurai charges vice devildog newspaper witness gizmo
        corps finding maddie highly tree soso123aljg constructed dare mistress hardly mayor freedom1
        critical flipper secondary steal corporation silly hjvfirf contact rugby moose regiment teach cessna
        ohio shop piglet appearances plus polaris colonel serve teacher allow fresh montreal nation trial
        invited multiple wolfgang discovered roll scully directly reach fatboy dirty scene wicked choose
        levels balls emergency growth tickle dropped elements bunny acquired butt dfvgbh credit obvious
        officers transam locked physical pepsi loving fetish latin nuts oicu812 agreed host basketba jersey
        prue toshiba goodbye graduated hotstuff arrived condition sunday guard issued booty fuckin
        literature gambit grow metal 31415926 cake estate impala mood vote stephani crap immediately
        jessica1 crying quickly hooker asian belong lancer competed partner knicks extended trick shamrock
        pressure produce fuckyou2 dressed urban stinger taste 314159 neck promoted redneck contemporary
        nurse deftones global raise squirt formerly lots siemens appear carry blaster industrial whoever
        trucker drinking types subaru opera renegade breaking ministry ibanez file soldiers manson commonly
        lock swinger mass wine reaper formation spot blondie paying smaller mylove assume typically galaxy
        asleep drama blahblah shortly turning enterpri density viki travel bedroom senate 1234abcd effects
        shower babylon5 iran nikolas indiana camera polish skeeter fill prominent master1 naval reasons
        sugar forty settlement ficken bigger divided smoke basis nope bigone breath republican sweetpea
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
