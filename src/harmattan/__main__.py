from harmattan.views.cli import main

main()
